using Bot.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Web.Authentication;

/// <summary>Stops start-up on credentials that cannot work, with a message that says what to set (never the secrets).</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.ChannelService.TrimEnd('/') is not ("" or BotCloud.GovernmentChannelService))
        {
            failures.Add($"ChannelService must be empty (public cloud) or {BotCloud.GovernmentChannelService}.");
        }

        switch (options.MicrosoftAppType)
        {
            case "MultiTenant" when !options.IsAnonymous:
            case "SingleTenant":
                if (options.IsAnonymous)
                {
                    failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppId.");
                }

                if (options.MicrosoftAppType == "SingleTenant" && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                {
                    failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId (the bot's tenant).");
                }

                if (string.IsNullOrEmpty(options.MicrosoftAppPassword) == string.IsNullOrEmpty(options.MicrosoftAppCertificatePath))
                {
                    failures.Add("Set exactly one of MicrosoftAppPassword and MicrosoftAppCertificatePath for the bot's own token.");
                }

                break;
            case "UserAssignedMSI":
                if (options.IsAnonymous)
                {
                    failures.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppId (the managed identity's client id).");
                }

                if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                {
                    failures.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.");
                }

                break;
            case "MultiTenant":
                break;
            default:
                failures.Add("MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
