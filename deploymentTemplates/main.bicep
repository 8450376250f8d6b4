// The bot on Azure: a Linux App Service running src/Bot.Web on .NET 10, its secrets in a Key Vault read through Key
// Vault references with the site's managed identity, an Azure Bot resource that sends Teams and Web Chat traffic to
// /api/messages, and (storageProvider Postgres) a PostgreSQL flexible server reachable only from the web app's
// virtual network. main.json is this file compiled (`bicep build main.bicep`); a test fails when it is stale.
// Deploy: az deployment group create -g <resource-group> -f main.bicep -p main.bicepparam (see README.md).

@description('Name of the Azure Bot resource and prefix of the other resources (the web app is <botName>-web.azurewebsites.net): lowercase letters, digits and hyphens.')
@minLength(2)
@maxLength(40)
param botName string

@description('Azure region for every resource but the Azure Bot, which is global.')
param location string = resourceGroup().location

@description('App Service plan SKU: B1 or larger (always-on and virtual network integration need Basic or above).')
param appServicePlanSku string = 'B1'

@description('How the bot proves who it is: UserAssignedMSI (a managed identity this template creates; no secret) or SingleTenant (an Entra app registration in your tenant, with a client secret). Multi-tenant bots can no longer be created.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param microsoftAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the Entra app registration\'s application (client) id.')
param microsoftAppId string?

@description('SingleTenant only: a client secret of that app registration (stored in Key Vault).')
@secure()
param microsoftAppPassword string?

@description('Secret of the self-hosted Direct Line endpoint (/v3/directline): authorises server-side callers and signs widget tokens, the same on every instance. At least 32 characters, e.g. openssl rand -base64 48.')
@secure()
@minLength(32)
param directLineSecret string

@description('Key of the deflection analytics admin page (/admin). At least 24 characters, e.g. openssl rand -base64 32.')
@secure()
@minLength(24)
param adminKey string

@description('The clinic\'s name, as the bot says it (Clinic:Name).')
@minLength(1)
param clinicName string

@description('The clinic\'s phone number (Clinic:Phone). Give at least one of clinicPhone, clinicEmail, clinicUrl.')
param clinicPhone string = ''

@description('The clinic\'s e-mail address (Clinic:Email).')
param clinicEmail string = ''

@description('The clinic\'s web page (Clinic:Url).')
param clinicUrl string = ''

@description('Opening hours, as text (Clinic:Hours), e.g. Mon-Fri 8:00-17:00.')
param clinicHours string = ''

@description('The local emergency number, as text (Clinic:EmergencyNumber); empty keeps the built-in "911 in the US, 999 in the UK, 112 in the EU".')
param clinicEmergencyNumber string = ''

@description('A crisis line, as text (Clinic:CrisisLine); empty keeps the built-in "988 in the US, 116 123 for Samaritans in the UK and Ireland".')
param clinicCrisisLine string = ''

@description('Origins of the clinic\'s own sites that embed the chat widget (DirectLine:AllowedOrigins), e.g. ["https://www.clinic.example"]. The bot\'s own host is always allowed.')
param widgetAllowedOrigins string[] = []

@description('Where conversations, transcripts and analytics are kept: Sqlite (a file on the app\'s /home share, one instance) or Postgres (a PostgreSQL flexible server in a private network, any number of instances).')
@allowed([
  'Sqlite'
  'Postgres'
])
param storageProvider string = 'Sqlite'

@description('App Service instances. More than one needs storageProvider Postgres.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Postgres only: the PostgreSQL administrator login.')
param postgresAdminLogin string = 'botadmin'

@description('Postgres only: the PostgreSQL administrator password (stored in Key Vault), e.g. openssl rand -base64 32.')
@secure()
param postgresAdminPassword string?

@description('Azure Bot pricing tier: F0 (free, standard channels) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

var isMsi = microsoftAppType == 'UserAssignedMSI'
var usePostgres = storageProvider == 'Postgres'
var webAppName = '${botName}-web'
var postgresServerName = '${botName}-pg'
var keyVaultName = 'kv${uniqueString(resourceGroup().id, botName)}'
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'
var appSubnetName = 'app'
var postgresSubnetName = 'postgres'

// Each of these fails a deployment that lacks what its choices need, with a message naming the parameter (ARM
// evaluates only the branch of if() that it takes).
var singleTenantAppId = !isMsi && empty(microsoftAppId)
  ? fail('microsoftAppType SingleTenant needs microsoftAppId')
  : microsoftAppId ?? ''
var appPassword = !isMsi && empty(microsoftAppPassword)
  ? fail('microsoftAppType SingleTenant needs microsoftAppPassword (a client secret of the app registration)')
  : microsoftAppPassword ?? ''
var databasePassword = usePostgres && empty(postgresAdminPassword)
  ? fail('storageProvider Postgres needs postgresAdminPassword')
  : postgresAdminPassword ?? ''
var instances = usePostgres || instanceCount == 1
  ? instanceCount
  : fail('storageProvider Sqlite keeps one file on one instance: instanceCount must be 1 (or use storageProvider Postgres)')
var clinicContact = empty(clinicPhone) && empty(clinicEmail) && empty(clinicUrl)
  ? fail('Give at least one of clinicPhone, clinicEmail, clinicUrl: the bot tells people how to reach the clinic')
  : {
      Clinic__Name: clinicName
      Clinic__Phone: clinicPhone
      Clinic__Email: clinicEmail
      Clinic__Url: clinicUrl
      Clinic__Hours: clinicHours
      Clinic__EmergencyNumber: clinicEmergencyNumber
      Clinic__CrisisLine: clinicCrisisLine
    }
var appId = isMsi ? botIdentity!.properties.clientId : singleTenantAppId

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = if (isMsi) {
  name: '${botName}-id'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'direct-line-secret'
  properties: {
    value: directLineSecret
  }
}

resource adminKeyValue 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'admin-key'
  properties: {
    value: adminKey
  }
}

resource appPasswordValue 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!isMsi) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: appPassword
  }
}

resource network 'Microsoft.Network/virtualNetworks@2026-03-01' = if (usePostgres) {
  name: '${botName}-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.20.0.0/24'
      ]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: '10.20.0.0/26'
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: postgresSubnetName
        properties: {
          addressPrefix: '10.20.0.64/27'
          delegations: [
            {
              name: 'postgres'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
    ]
  }
}

resource postgresDns 'Microsoft.Network/privateDnsZones@2024-06-01' = if (usePostgres) {
  name: '${postgresServerName}.private.postgres.database.azure.com'
  location: 'global'
}

resource postgresDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = if (usePostgres) {
  parent: postgresDns
  name: '${botName}-vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: network.id
    }
  }
}

// Private access: the server has no public endpoint; its name resolves, inside the virtual network only, to an address
// in the delegated subnet, and the web app reaches it through its virtual network integration.
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = if (usePostgres) {
  name: postgresServerName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '17'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: databasePassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Disabled'
      delegatedSubnetResourceId: resourceId('Microsoft.Network/virtualNetworks/subnets', network.name, postgresSubnetName)
      privateDnsZoneArmResourceId: postgresDns.id
    }
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
  dependsOn: [
    postgresDnsLink
  ]
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = if (usePostgres) {
  parent: postgres
  name: 'bot'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// VerifyFull: TLS, a certificate chain to a trusted root (Azure's servers chain to DigiCert and Microsoft roots in
// the system store) and the host name checked.
resource postgresConnection 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (usePostgres) {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${usePostgres ? postgres!.properties.fullyQualifiedDomainName : ''};Database=${postgresDatabase.name};Username=${postgresAdminLogin};Password="${replace(databasePassword, '"', '""')}";SSL Mode=VerifyFull'
  }
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${botName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instances
  }
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2025-03-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: isMsi
    ? {
        type: 'SystemAssigned, UserAssigned'
        userAssignedIdentities: {
          '${botIdentity.id}': {}
        }
      }
    : {
        type: 'SystemAssigned'
      }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    virtualNetworkSubnetId: usePostgres ? resourceId('Microsoft.Network/virtualNetworks/subnets', network.name, appSubnetName) : null
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet Bot.Web.dll'
      alwaysOn: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: true
    }
  }
}

// Deployments sign in with Entra ID (az webapp deploy does); no publishing user names and passwords.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: web
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: web
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource webReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, web.id, keyVaultSecretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The settings come after the role assignment, so the app's first start can resolve its Key Vault references. Empty
// clinic fields are left out: the app treats a missing one as not given.
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: web
  name: 'appsettings'
  properties: union(
    {
      MicrosoftAppType: microsoftAppType
      MicrosoftAppId: appId
      MicrosoftAppTenantId: subscription().tenantId
      DirectLine__Secret: '@Microsoft.KeyVault(SecretUri=${directLineSecretValue.properties.secretUri})'
      Admin__Key: '@Microsoft.KeyVault(SecretUri=${adminKeyValue.properties.secretUri})'
      ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
      Storage__Provider: storageProvider
    },
    isMsi ? {} : { MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${appPasswordValue!.properties.secretUri})' },
    usePostgres
      ? { Storage__PostgresConnectionString: '@Microsoft.KeyVault(SecretUri=${postgresConnection!.properties.secretUri})' }
      : { Storage__SqlitePath: '/home/data/bot.db', Storage__SqliteJournalMode: 'DELETE' },
    toObject(filter(items(clinicContact), setting => !empty(setting.value)), setting => setting.key, setting => setting.value),
    toObject(range(0, length(widgetAllowedOrigins)), i => 'DirectLine__AllowedOrigins__${i}', i => widgetAllowedOrigins[i])
  )
  dependsOn: [
    webReadsSecrets
  ]
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
    msaAppId: appId
    msaAppType: microsoftAppType
    msaAppTenantId: subscription().tenantId
    msaAppMSIResourceId: isMsi ? botIdentity.id : null
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

@description('The Teams app manifest\'s id and bots[0].botId.')
output microsoftAppId string = appId

output messagingEndpoint string = bot.properties.endpoint
output webAppName string = web.name
output webAppHostName string = web.properties.defaultHostName
output keyVaultName string = vault.name
