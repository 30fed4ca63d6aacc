// Everything GenderPlan runs on, inside one resource group. No storage keys or connection strings: the
// Function App reaches storage, Key Vault and Application Insights with its user-assigned identity.

param location string
param tags object
@minLength(5)
@description('A short unique suffix for resource names.')
param resourceToken string
param senderAddress string
@secure()
param sendGridApiKey string
param operationsEmail string
param principalId string
param deployEventSubscriptions bool

// Names the code uses (Workflow/StorageNames.cs, Functions/FunctionNames.cs); a test keeps them in step.
var containers = ['reports', 'reports-rejected', 'rules', 'rulesets', 'reports-out']
var tables = ['Reports', 'Uploads', 'Results', 'ResultHistory', 'Alerts', 'AlertState', 'RulesVersions', 'UploadTokens', 'WebUploads', 'FollowUps', 'ReportDecisions', 'Changes', 'ReportsByPlan', 'CommuneFigures']
var deploymentContainer = 'deploymentpackage'
var blobTriggers = [
  { function: 'ScoreReport', container: 'reports' }
  { function: 'AcceptRules', container: 'rules' }
]

// Built-in role definition ids.
var roles = {
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-${resourceToken}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: 'log-${resourceToken}'
  location: location
  tags: tags
  properties: {
    retentionInDays: 30
    sku: { name: 'PerGB2018' }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: 'st${resourceToken}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Versioning and soft delete let an official roll a bad rules upload back (docs/deploy.md).
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [for name in concat(containers, [deploymentContainer]): {
  parent: blobService
  name: name
  properties: { publicAccess: 'None' }
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource storageTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [for name in tables: {
  parent: tableService
  name: name
}]

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-${resourceToken}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: 'plan-${resourceToken}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: 'func-${resourceToken}'
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'Storage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'Storage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'Storage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'Storage__credential', value: 'managedidentity' }
        { name: 'Storage__clientId', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'GenderPlan__Email__From', value: senderAddress }
        { name: 'GenderPlan__Email__SendGridApiKey', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=sendgrid-api-key)' }
        { name: 'GenderPlan__ScorecardUrl', value: storage.properties.primaryEndpoints.web }
        // The upload links officials get point at the app itself; the app cannot read its own host name here.
        { name: 'GenderPlan__Uploads__PublicUrl', value: 'https://func-${resourceToken}.azurewebsites.net' }
        // Behind App Service's front end the caller's address arrives in this header, for the failed-link limit. It is
        // believed only from the known proxies: the Functions host, which hands each request to the worker over loopback.
        { name: 'GenderPlan__Uploads__ClientAddressHeader', value: 'X-Forwarded-For' }
        { name: 'GenderPlan__Uploads__KnownProxies__0', value: '127.0.0.1' }
        { name: 'GenderPlan__Uploads__KnownProxies__1', value: '::1' }
      ]
    }
  }
}

// Blob Data Contributor reads and writes blobs and takes leases, all the app and its host do; Owner would add
// only the right to change ADLS access lists, which this account does not use.
var appRoles = [roles.blobDataContributor, roles.queueDataContributor, roles.tableDataContributor]

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in appRoles: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource appVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource appInsightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

// The person or pipeline running azd publishes Rules/ after each deploy (azure.yaml's post-deploy hook).
var deployerRoles = [roles.blobDataContributor, roles.tableDataContributor]

resource deployerStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in deployerRoles: if (!empty(principalId)) {
  name: guid(storage.id, principalId, role)
  scope: storage
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource storageEvents 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: 'evgt-${resourceToken}'
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource blobTriggerSubscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [for trigger in blobTriggers: if (deployEventSubscriptions) {
  parent: storageEvents
  name: toLower(trigger.function)
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${trigger.function}&code=${listKeys('${functionApp.id}/host/default', '2025-03-01').systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${trigger.container}/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 }
  }
}]

resource operations 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'genderplan'
    enabled: true
    emailReceivers: [{ name: 'operations', emailAddress: operationsEmail, useCommonAlertSchema: true }]
  }
}

// The workflow logs "Gave up on {Blob}" when a report fails for good and "Alert {AlertId} stays pending"
// when an email could not be delivered (Workflow/Handlers); either within an hour raises this alert.
resource failuresAlert 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = {
  name: 'alert-failures-${resourceToken}'
  location: location
  tags: tags
  properties: {
    displayName: 'GenderPlan: reports failing or alerts undelivered'
    severity: 2
    enabled: true
    scopes: [insights.id]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'traces | where message startswith "Gave up on" or message has "stays pending after attempt"'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [operations.id] }
  }
}

output functionAppName string = functionApp.name
output storageAccountName string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output keyVaultName string = vault.name
