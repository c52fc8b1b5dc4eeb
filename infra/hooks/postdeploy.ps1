# azd postdeploy hook (Windows, PowerShell 7): the same as postdeploy.sh. Turns on the static website that serves
# the reports site, and subscribes the IngestDrop blob trigger
# (Event Grid source) to BlobCreated events of ministry-drops, after deployment, because the webhook needs the
# app's blobs_extension system key. Safe to run twice: an existing subscription is updated in place, a missing one
# created. Needs the Azure CLI, signed in (azd sets the AZURE_* variables from the deployment's outputs).
$ErrorActionPreference = 'Stop'
foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_FUNCTION_APP_URL', 'AZURE_EVENT_GRID_TOPIC_NAME', 'AZURE_STORAGE_ACCOUNT_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "$name is not set: run through azd (azd up / azd deploy) or set the azd outputs." }
}
$group = $env:AZURE_RESOURCE_GROUP
$topic = $env:AZURE_EVENT_GRID_TOPIC_NAME
$drops = if ($env:DROPS_CONTAINER) { $env:DROPS_CONTAINER } else { 'ministry-drops' }
$functionName = 'IngestDrop'
$subscriptionName = 'ingest-drops'

# The reports site, as postdeploy.sh turns it on: index.html per folder, 404.html for what is not there.
az storage blob service-properties update --account-name $env:AZURE_STORAGE_ACCOUNT_NAME --auth-mode login `
    --static-website --index-document index.html --404-document 404.html --output none
if ($LASTEXITCODE -ne 0) { throw "az storage blob service-properties update failed with exit code $LASTEXITCODE." }
$site = az storage account show --name $env:AZURE_STORAGE_ACCOUNT_NAME --resource-group $group --query primaryEndpoints.web --output tsv
Write-Host "Reports site (no key needed; filled by the first publication): $site"

Write-Host "Waiting for the blobs_extension key of $($env:AZURE_FUNCTION_APP_NAME) ..."
$key = ''
foreach ($attempt in 1..12) {
    $key = az functionapp keys list --resource-group $group --name $env:AZURE_FUNCTION_APP_NAME --query "systemKeys.blobs_extension" --output tsv 2>$null
    if ($key) { break }
    Start-Sleep -Seconds 10
}
if (-not $key) { throw 'The app has no blobs_extension key yet: open the app once, then run infra/hooks/postdeploy.ps1 again.' }

# The deployment's own output: Flex Consumption apps have unique default host names, not {name}.azurewebsites.net.
$endpoint = "$($env:AZURE_FUNCTION_APP_URL.TrimEnd('/'))/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key"

# Only the calls that finish an upload (PutBlob, PutBlockList, CopyBlob), so one upload fires once; only
# ministry-drops. The key travels in the endpoint and is never printed.
az eventgrid system-topic event-subscription show --resource-group $group --system-topic-name $topic --name $subscriptionName --output none 2>$null
if ($LASTEXITCODE -eq 0) {
    az eventgrid system-topic event-subscription update --resource-group $group --system-topic-name $topic --name $subscriptionName `
        --endpoint $endpoint --included-event-types Microsoft.Storage.BlobCreated `
        --subject-begins-with "/blobServices/default/containers/$drops/" `
        --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob --output none
} else {
    az eventgrid system-topic event-subscription create --resource-group $group --system-topic-name $topic --name $subscriptionName `
        --endpoint-type webhook --endpoint $endpoint --included-event-types Microsoft.Storage.BlobCreated `
        --subject-begins-with "/blobServices/default/containers/$drops/" `
        --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob `
        --event-delivery-schema EventGridSchema --max-delivery-attempts 30 --event-ttl 1440 --output none
}
if ($LASTEXITCODE -ne 0) { throw "az eventgrid failed with exit code $LASTEXITCODE." }
Write-Host "Event Grid subscription '$subscriptionName' delivers BlobCreated events of $drops to $functionName."
