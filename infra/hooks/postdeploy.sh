#!/bin/sh
# azd postdeploy hook: turn on the storage account's static website, which serves the reports site (the app writes
# it to $web; Bicep cannot turn the website on), and subscribe the IngestDrop blob trigger (Event Grid source) to
# BlobCreated events of ministry-drops. It runs after deployment because the webhook needs the app's blobs_extension system key,
# which the Functions host creates only once the app is running. Safe to run twice: an existing subscription
# is updated in place (endpoint, key and filters), a missing one created. Needs the Azure CLI, signed in (azd
# sets the AZURE_* variables below from the deployment's outputs). infra/hooks/postdeploy.ps1 is the same for Windows.
set -eu

: "${AZURE_RESOURCE_GROUP:?run through azd (azd up / azd deploy) or export the azd outputs}"
: "${AZURE_FUNCTION_APP_NAME:?}"
: "${AZURE_FUNCTION_APP_URL:?}"
: "${AZURE_EVENT_GRID_TOPIC_NAME:?}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?}"
DROPS_CONTAINER="${DROPS_CONTAINER:-ministry-drops}"
FUNCTION_NAME="IngestDrop"
SUBSCRIPTION_NAME="ingest-drops"

# The reports site: index.html is each folder's page and 404.html the error page, as the local host serves it.
# A data-plane call signed in as the deployer (shared keys are off): it needs the blobServices/write action, which
# Owner, Contributor and Storage Account Contributor of the resource group hold.
az storage blob service-properties update --account-name "$AZURE_STORAGE_ACCOUNT_NAME" --auth-mode login \
  --static-website --index-document index.html --404-document 404.html --output none
site=$(az storage account show --name "$AZURE_STORAGE_ACCOUNT_NAME" --resource-group "$AZURE_RESOURCE_GROUP" --query primaryEndpoints.web --output tsv)
echo "Reports site (no key needed; filled by the first publication): ${site}"

echo "Waiting for the blobs_extension key of ${AZURE_FUNCTION_APP_NAME} ..."
key=""
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
  key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
        --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  sleep 10
done
if [ -z "$key" ]; then
  echo "The app has no blobs_extension key yet: open the app once, then run infra/hooks/postdeploy.sh again." >&2
  exit 1
fi

# The deployment's own output: Flex Consumption apps have unique default host names, not {name}.azurewebsites.net.
endpoint="${AZURE_FUNCTION_APP_URL%/}/runtime/webhooks/blobs?functionName=Host.Functions.${FUNCTION_NAME}&code=${key}"

# Only the calls that finish an upload (PutBlob, PutBlockList, CopyBlob), so one upload fires once; only
# ministry-drops. The key travels in the endpoint and is never printed.
if az eventgrid system-topic event-subscription show --resource-group "$AZURE_RESOURCE_GROUP" \
     --system-topic-name "$AZURE_EVENT_GRID_TOPIC_NAME" --name "$SUBSCRIPTION_NAME" --output none 2>/dev/null; then
  az eventgrid system-topic event-subscription update \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$AZURE_EVENT_GRID_TOPIC_NAME" \
    --name "$SUBSCRIPTION_NAME" \
    --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/${DROPS_CONTAINER}/" \
    --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob \
    --output none
else
  az eventgrid system-topic event-subscription create \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$AZURE_EVENT_GRID_TOPIC_NAME" \
    --name "$SUBSCRIPTION_NAME" \
    --endpoint-type webhook \
    --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/${DROPS_CONTAINER}/" \
    --advanced-filter data.api StringIn PutBlob PutBlockList CopyBlob \
    --event-delivery-schema EventGridSchema \
    --max-delivery-attempts 30 \
    --event-ttl 1440 \
    --output none
fi

echo "Event Grid subscription '${SUBSCRIPTION_NAME}' delivers BlobCreated events of ${DROPS_CONTAINER} to ${FUNCTION_NAME}."
