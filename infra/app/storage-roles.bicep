// What the app's identity may do, and nothing broader: data-plane roles on its own storage account and
// telemetry publishing on its own Application Insights. Role ids: learn.microsoft.com/azure/role-based-access-control/built-in-roles
param storageAccountName string
param applicationInsightsName string
@description('Name of the app identity: names the role assignments at compile time (What-If).')
param appIdentityName string
param appPrincipalId string
@description('Whoever deploys (azd AZURE_PRINCIPAL_ID); empty to skip.')
param userPrincipalId string
@description('User, ServicePrincipal or Group: a role assignment must say which, or Azure refuses it (UnmatchedPrincipalType).')
param userPrincipalType string
@description('The container files are dropped into: the one place the deployer may write.')
param dropsContainerName string

// Blob Data Owner, not Contributor: the Functions host (AzureWebJobsStorage) manages blob leases and
// container ACLs for its keys and locks, which Microsoft documents as needing Owner.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource drops 'containers' existing = {
      name: dropsContainerName
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// The app: blobs (drops, archive, quarantine, reports, locks, its code package, the host's keys), its queue and its
// tables, all on its own account; account scope because the host and the pipeline use every container.
resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
  name: guid(storage.id, appIdentityName, role)
  scope: storage
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

// The app: telemetry with its identity (local auth is off on Application Insights).
resource appTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentityName, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

// Whoever deployed may drop files (az storage blob upload --auth-mode login) and nothing else: the role is on
// ministry-drops alone, not the account with the app's code package, its keys and the archive.
resource userDropRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(storage::blobService::drops.id, userPrincipalId, storageBlobDataContributor)
  scope: storage::blobService::drops
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}
