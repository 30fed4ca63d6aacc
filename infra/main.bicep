// GenderPlan in one Azure subscription: `azd up` creates a resource group and everything in it.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('The azd environment name; every resource name derives from it.')
param environmentName string

@minLength(1)
@description('The Azure region, e.g. southeastasia.')
param location string

@description('The address alert emails are sent from (a verified SendGrid sender).')
param senderAddress string

@secure()
@description('The SendGrid API key. Leave empty to keep the key already in Key Vault (set it once with az keyvault secret set).')
param sendGridApiKey string = ''

@description('Where monitoring alerts go (failed reports, undelivered emails).')
param operationsEmail string

@description('The deploying user or pipeline principal: given data access to publish rules. azd fills it in.')
param principalId string = ''

@description('Event Grid needs the Functions blob extension key, which exists only after the code is deployed: the post-deploy hook provisions again with this set to true.')
param deployEventSubscriptions bool = false

var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module app 'app/resources.bicep' = {
  name: 'genderplan-resources'
  scope: group
  params: {
    location: location
    tags: tags
    resourceToken: toLower(uniqueString(subscription().id, environmentName, location))
    senderAddress: senderAddress
    sendGridApiKey: sendGridApiKey
    operationsEmail: operationsEmail
    principalId: principalId
    deployEventSubscriptions: deployEventSubscriptions
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = app.outputs.functionAppName
output AZURE_STORAGE_ACCOUNT_NAME string = app.outputs.storageAccountName
output AZURE_STORAGE_BLOB_ENDPOINT string = app.outputs.blobEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = app.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = app.outputs.keyVaultName
