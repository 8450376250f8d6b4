// Parameters for main.bicep: fill in the clinic's values; the secrets come from the environment (README.md).
using './main.bicep'

param botName = 'muscle-bot'

// UserAssignedMSI: the template creates the bot's managed identity, no secret. For SingleTenant, set it here and
// export MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD from the app registration.
param microsoftAppType = 'UserAssignedMSI'
param microsoftAppId = readEnvironmentVariable('MICROSOFT_APP_ID', '')
param microsoftAppPassword = readEnvironmentVariable('MICROSOFT_APP_PASSWORD', '')

param directLineSecret = readEnvironmentVariable('DIRECT_LINE_SECRET')
param adminKey = readEnvironmentVariable('ADMIN_KEY')

param clinicName = 'Example Clinic'
param clinicPhone = '+1 555 0100'
param clinicEmail = 'care@clinic.example'
param clinicUrl = 'https://www.clinic.example/contact'
param clinicHours = 'Mon-Fri 8:00-17:00'
param widgetAllowedOrigins = [
  'https://www.clinic.example'
]

// Postgres (any number of instances): also export POSTGRES_ADMIN_PASSWORD.
param storageProvider = 'Sqlite'
param instanceCount = 1
param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD', '')
