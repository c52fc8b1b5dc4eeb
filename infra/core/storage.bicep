// One storage account for the pipeline (containers, queue, tables), the Functions host (AzureWebJobsStorage)
// and the Flex Consumption deployment package. Shared-key access is off: only Entra identities get in.
param name string
param location string
param tags object
@description('With network isolation: no public network access; the app reaches the account through private endpoints.')
param vnetEnabled bool

var containers = [
  'ministry-drops'
  'ministry-archive'
  'ministry-quarantine'
  'reports'
  'pipeline-locks'
  deploymentContainerName
]
var deploymentContainerName = 'app-package'
var tables = [
  'Scores'
  'Rankings'
  'Ingestions'
  'Publications'
  'Criteria'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: vnetEnabled ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: vnetEnabled ? 'Deny' : 'Allow'
      bypass: 'None'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    resource container 'containers' = [for c in containers: {
      name: c
      properties: { publicAccess: 'None' }
    }]
  }

  resource queueService 'queueServices' = {
    name: 'default'
    resource recompute 'queues' = {
      name: 'rankings-recompute'
    }
    resource recomputePoison 'queues' = {
      name: 'rankings-recompute-poison'
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'
    resource table 'tables' = [for t in tables: {
      name: t
    }]
  }
}

output name string = account.name
@description('The static website endpoint, where the reports site is read once the postdeploy hook has turned the website on.')
output webEndpoint string = account.properties.primaryEndpoints.web
output id string = account.id
output dropsContainerName string = containers[0]
output deploymentContainerName string = deploymentContainerName
