using './main.bicep'

param botName = 'muscle-bot'
param microsoftAppType = 'SingleTenant'
param microsoftAppId = '00000000-0000-0000-0000-000000000000'
param microsoftAppTenantId = '00000000-0000-0000-0000-000000000000'
param microsoftAppPassword = readEnvironmentVariable('MICROSOFT_APP_PASSWORD', '')
param directLineSecret = readEnvironmentVariable('DIRECT_LINE_SECRET', '')
param adminKey = readEnvironmentVariable('ADMIN_KEY', '')
param widgetAllowedOrigins = []
param storageProvider = 'Sqlite'
param instanceCount = 2
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD', '')
