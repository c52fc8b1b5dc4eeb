// The storage account's Event Grid system topic. Its subscription to the blob trigger's webhook is made by
// infra/hooks/postdeploy.sh once the app (and so its blobs_extension key) exists.
param name string
param location string
param tags object
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
