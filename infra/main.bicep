// ParPipeline on Azure: `azd up` provisions this and deploys functions/ParPipeline.Functions.
// The Event Grid subscription that feeds the blob trigger is created after deployment by
// infra/hooks/postdeploy.sh, because its webhook needs the blobs_extension key of the deployed app.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region for every resource: one that offers Flex Consumption.')
// The regions Microsoft's Flex Consumption azd template allows (Azure-Samples/functions-quickstart-dotnet-azd,
// infra/main.bicep, read 2026-12-01), less its early-access canary region; azd offers only these.
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of whoever runs azd: gets Storage Blob Data Contributor on ministry-drops alone, so that they can drop files with --auth-mode login. Empty to skip.')
param principalId string = ''

@description('What principalId is: User from a laptop, ServicePrincipal from a pipeline (azd pipeline config signs in as one).')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('NCrontab schedule (UTC, with seconds) of PublishReports: 19:00 UTC is 02:00 in Viet Nam.')
param reportSchedule string = '0 0 19 * * *'
@description('NCrontab schedule (UTC, with seconds) of SweepDrops, which ingests drops their trigger left behind: every 5 minutes.')
param dropSweepSchedule string = '0 */5 * * * *'

@description('Origins whose pages may read the read routes from a browser (CORS): * or a comma-separated list. The app answers CORS itself, so the platform CORS setting stays empty (it can neither leave the admin routes out nor expose the ETag).')
param apiAllowedOrigins string = '*'

@description('Network isolation, as Microsoft\'s Flex Consumption templates offer it: private endpoints for blob, queue and table, VNet integration for the app, no public network access to storage. Off by default: with it on, files are dropped from inside the network.')
param vnetEnabled bool = false

@secure()
@description('A key every read route but health asks for (x-functions-key or ?code=); empty for anonymous reads, as the data is public.')
param apiReadKey string = ''

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
// Names are computed here, not read from module outputs, so that What-If can predict every resource.
var identityName = 'id-parpipeline-${resourceToken}'
var networkName = 'vnet-parpipeline-${resourceToken}'
var storageName = 'stpar${resourceToken}'
var applicationInsightsName = 'appi-parpipeline-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'core/storage.bicep' = {
  scope: rg
  params: {
    name: storageName
    location: location
    tags: tags
    vnetEnabled: vnetEnabled
  }
}

module network 'core/network.bicep' = if (vnetEnabled) {
  scope: rg
  params: {
    name: networkName
    location: location
    tags: tags
  }
}

module storageEndpoints 'core/storage-private-endpoints.bicep' = if (vnetEnabled) {
  scope: rg
  params: {
    storageAccountName: storageName
    networkName: networkName
    endpointSubnetId: network!.outputs.endpointSubnetId
    location: location
    tags: tags
  }
  dependsOn: [storage]
}

module monitoring 'core/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: 'log-parpipeline-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module roles 'app/storage-roles.bicep' = {
  scope: rg
  params: {
    storageAccountName: storageName
    applicationInsightsName: applicationInsightsName
    appIdentityName: identityName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    // A name known at compile time, so What-If can predict the role's scope (core/storage.bicep creates it).
    dropsContainerName: 'ministry-drops'
  }
  dependsOn: [storage, monitoring]
}

module functionApp 'app/function-app.bicep' = {
  scope: rg
  params: {
    name: 'func-parpipeline-${resourceToken}'
    planName: 'plan-parpipeline-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageName
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: applicationInsightsName
    reportSchedule: reportSchedule
    dropSweepSchedule: dropSweepSchedule
    apiAllowedOrigins: apiAllowedOrigins
    apiReadKey: apiReadKey
    virtualNetworkSubnetId: vnetEnabled ? network!.outputs.appSubnetId : ''
  }
  // The app starts reading storage as soon as it exists: its roles come first.
  dependsOn: [roles, monitoring]
}

module eventGrid 'core/event-grid-topic.bicep' = {
  scope: rg
  params: {
    name: 'evgt-parpipeline-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageName
  }
  dependsOn: [storage]
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output REPORTS_SITE_URL string = storage.outputs.webEndpoint
output AZURE_EVENT_GRID_TOPIC_NAME string = eventGrid.outputs.name
output DROPS_CONTAINER string = storage.outputs.dropsContainerName
