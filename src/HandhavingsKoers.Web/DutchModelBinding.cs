using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace HandhavingsKoers.Web;

/// <summary>Replaces the framework's English model-binding messages, so bad input never shows English to a user.</summary>
internal static class DutchModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, _) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Messages.ValueInvalid, value));
        p.SetMissingBindRequiredValueAccessor(_ => Messages.ValueMissing);
        p.SetMissingKeyOrValueAccessor(() => Messages.ValueMissing);
        p.SetMissingRequestBodyRequiredValueAccessor(() => Messages.ValueMissing);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => string.Format(System.Globalization.CultureInfo.InvariantCulture, Messages.ValueInvalid, value));
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => Messages.ValueMissing);
        p.SetUnknownValueIsInvalidAccessor(_ => Messages.ValueMissing);
        p.SetValueIsInvalidAccessor(value => string.Format(System.Globalization.CultureInfo.InvariantCulture, Messages.ValueInvalid, value));
        p.SetValueMustBeANumberAccessor(_ => Messages.ValueMissing);
        p.SetNonPropertyValueMustBeANumberAccessor(() => Messages.ValueMissing);
        p.SetValueMustNotBeNullAccessor(_ => Messages.ValueMissing);
    }
}
