// The bot on Azure: a Linux App Service running src/Bot.Web on .NET 10, and an Azure Bot resource that sends
// Teams and Web Chat traffic to its /api/messages endpoint. Deploy with:
//   az deployment group create -g <resource-group> -f main.bicep -p main.bicepparam

@description('Name of the Azure Bot resource and prefix of the other resources.')
param botName string

@description('Azure region for the App Service. The Azure Bot resource itself is global.')
param location string = resourceGroup().location

@description('App Service plan SKU; B1 or larger for a clinic, F1 is not supported for always-on.')
param appServicePlanSku string = 'B1'

@description('Bot Framework app type.')
@allowed([
  'MultiTenant'
  'SingleTenant'
  'UserAssignedMSI'
])
param microsoftAppType string = 'SingleTenant'

@description('The Entra app (client) id of the bot, or the client id of the user-assigned managed identity.')
param microsoftAppId string

@description('The bot\'s Entra tenant id (SingleTenant and UserAssignedMSI).')
param microsoftAppTenantId string = subscription().tenantId

@description('The Entra app\'s client secret (MultiTenant and SingleTenant); leave empty for UserAssignedMSI.')
@secure()
param microsoftAppPassword string = ''

@description('Resource id of the user-assigned managed identity (UserAssignedMSI only).')
param userAssignedIdentityResourceId string = ''

@description('Secret for the self-hosted Direct Line endpoint (/v3/directline); signs widget tokens. Share it across instances.')
@secure()
param directLineSecret string = ''

@description('Origins of other sites that embed the chat widget, e.g. https://www.clinic.example.')
param widgetAllowedOrigins array = []

@description('Key for the deflection analytics admin page (/admin); empty turns the admin API off.')
@secure()
param adminKey string = ''

@description('Where conversations, transcripts and analytics are kept: Sqlite (a file on the app\'s /home share; one instance) or Postgres (an Azure Database for PostgreSQL flexible server; any number of instances).')
@allowed([
  'Sqlite'
  'Postgres'
])
param storageProvider string = 'Sqlite'

@description('App Service instances (replicas); used with storageProvider Postgres, one instance otherwise.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('PostgreSQL administrator login (Postgres only).')
param postgresAdminLogin string = 'botadmin'

@description('PostgreSQL administrator password (Postgres only).')
@secure()
param postgresAdminPassword string = ''

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var appServicePlanName = '${botName}-plan'
var webAppName = '${botName}-web'
var isMsi = microsoftAppType == 'UserAssignedMSI'
var usePostgres = storageProvider == 'Postgres'
var postgresServerName = '${botName}-pg'
var postgresConnectionString = usePostgres ? 'Host=${postgresServerName}.postgres.database.azure.com;Database=bot;Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require' : ''

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = if (usePostgres) {
  name: postgresServerName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '15'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = if (usePostgres) {
  parent: postgres
  name: 'bot'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = if (usePostgres) {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: appServicePlanName
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: usePostgres ? instanceCount : 1
  }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: isMsi ? {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${userAssignedIdentityResourceId}': {}
    }
  } : null
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/readyz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: true
      appSettings: concat([
        {
          name: 'MicrosoftAppType'
          value: microsoftAppType
        }
        {
          name: 'MicrosoftAppId'
          value: microsoftAppId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: microsoftAppTenantId
        }
        {
          name: 'MicrosoftAppPassword'
          value: microsoftAppPassword
        }
        {
          name: 'DirectLine__Secret'
          value: directLineSecret
        }
        {
          name: 'Admin__Key'
          value: adminKey
        }
        {
          name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED'
          value: 'true'
        }
        {
          name: 'Storage__Provider'
          value: storageProvider
        }
        {
          name: 'Storage__SqlitePath'
          value: '/home/data/bot.db'
        }
        {
          name: 'Storage__PostgresConnectionString'
          value: postgresConnectionString
        }
      ], [for (origin, i) in widgetAllowedOrigins: {
        name: 'DirectLine__AllowedOrigins__${i}'
        value: origin
      }])
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'MultiTenant' ? '' : microsoftAppTenantId
    msaAppMSIResourceId: isMsi ? userAssignedIdentityResourceId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

output messagingEndpoint string = bot.properties.endpoint
output webAppHostName string = web.properties.defaultHostName
