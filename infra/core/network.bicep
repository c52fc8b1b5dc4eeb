// Optional network isolation (vnetEnabled), as Microsoft's Flex Consumption templates offer it: a virtual network
// with one subnet for the app's outbound traffic (VNet integration; Flex Consumption wants it delegated to
// Microsoft.App/environments) and one for the storage account's private endpoints.
param name string
param location string
param tags object

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: ['10.0.0.0/16']
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.0.1.0/24'
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.0.2.0/24'
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: 'app'
  }

  resource endpointSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

output id string = network.id
output appSubnetId string = network::appSubnet.id
output endpointSubnetId string = network::endpointSubnet.id
