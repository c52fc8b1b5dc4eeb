// The Function App on Flex Consumption, dotnet-isolated 10.0, running as the user-assigned identity. Every
// storage setting is identity-based: no connection string and no key.
param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param reportSchedule string
param dropSweepSchedule string
param apiAllowedOrigins string
@description('With network isolation: the subnet the app sends its outbound traffic through (VNet integration); empty without.')
param virtualNetworkSubnetId string
@secure()
param apiReadKey string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: 40
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // The Functions host's own storage (receipts, timer schedule, keys, locks).
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      // The pipeline's storage: the triggers' Connection and the Core clients (PipelineStorageRegistration).
      PipelineStorage__credential: 'managedidentity'
      PipelineStorage__clientId: identityClientId
      PipelineStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      PipelineStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      PipelineStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      ReportSchedule: reportSchedule
      DropSweepSchedule: dropSweepSchedule
      Ingestion__MaxFileBytes: '52428800'
      Ingestion__ParseTimeout: '00:02:00'
      Ingestion__SweepAfter: '00:15:00'
      // CORS for dashboards, answered by the app (read routes only); siteConfig.cors is left unset on purpose.
      Api__AllowedOrigins: apiAllowedOrigins
      // Empty: read routes anonymous. Set it (azd env set API_READ_KEY ...) to make every read route but health want it.
      Api__ReadKey: apiReadKey
      Api__SnapshotRefresh: '00:00:00.200'
      // The reports site: every report file is also written to $web, which the storage account's static website
      // serves to readers without a key (infra/hooks/postdeploy.sh turns the website on: Bicep cannot).
      Reports__WebContainer: '$web'
      // A folder of index definitions deployed with the app, read beside the embedded ones; empty: those alone.
      Indices__DefinitionsDirectory: ''
      // With local auth disabled on Application Insights this string holds no secret; the identity signs in.
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
    }
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
