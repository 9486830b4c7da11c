using FunnelInsight.Core.Analytics.Friction;
using FunnelInsight.Web.Components.Pages.Reports.Leaks;

namespace FunnelInsight.Tests.Web.Components.Pages.Reports.Leaks;

public sealed class FlagCardsTests : ReportComponentTest
{
    private static readonly CheckoutFrictionFlag Shipping = new(
        "surprise_costs", "Surprise costs at checkout", "45 of 90 checkout exits (50.0%) happen after the shipping step.",
        [new("shippingExits", 45), new("shareOfCheckoutExits", 0.5), new("medianShippingAndTaxShare", 0.125)],
        FlagConfidence.High, 1234, 5678.9, "Show shipping costs and terms up front, and consider a free-shipping threshold.",
        ReferenceFigures.UnexpectedCosts);

    private static readonly CheckoutFrictionFlag Account = new(
        "forced_account", "Forced account creation", "20 of 40 sessions left at sign-up.", [new("dropRate", 0.5)],
        FlagConfidence.Low, 20, 800, "Offer guest checkout.", null);

    [Fact]
    public void A_card_shows_evidence_confidence_sessions_revenue_reference_and_remedy()
    {
        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [Shipping, Account]).Add(c => c.Currency, "USD"));

        var card = cards.Find(".fi-flag-surprise_costs");
        Assert.Equal("Surprise costs at checkout", card.QuerySelector(".fi-flag-title")!.TextContent);
        Assert.Equal("45 of 90 checkout exits (50.0%) happen after the shipping step.", card.QuerySelector(".fi-flag-evidence")!.TextContent);
        Assert.Equal("High confidence", card.QuerySelector(".fi-flag-confidence")!.TextContent);
        Assert.Equal("1,234", card.QuerySelector(".fi-flag-sessions")!.TextContent);
        Assert.Equal("USD 5,678.90", card.QuerySelector(".fi-flag-revenue")!.TextContent);
        Assert.Contains("60.0%", card.QuerySelector(".fi-flag-reference")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Show shipping costs and terms up front", card.QuerySelector(".fi-flag-remedy")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("exits at shipping: 45", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("median shipping + tax share: 12.5%", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("share of checkout exits: 50.0%", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cards.FindAll(".fi-flag").Count);
        Assert.Empty(cards.Find(".fi-flag-forced_account").QuerySelectorAll(".fi-flag-reference"));
    }

    [Fact]
    public void In_arabic_the_title_and_remedy_come_from_the_flag_key()
    {
        UseCulture("ar");

        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [Account]).Add(c => c.Currency, "SAR"));

        Assert.Equal("إلزام بإنشاء حساب", cards.Find(".fi-flag-title").TextContent);
        Assert.Contains("اسمح بالدفع كضيف.", cards.Find(".fi-flag-remedy").TextContent, StringComparison.Ordinal);
        Assert.Equal("\u2066800.00 SAR\u2069", cards.Find(".fi-flag-revenue").TextContent.Replace("\u00a0", " ", StringComparison.Ordinal).Replace("\u200f", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_with_parentheses_is_named_once_without_nested_brackets()
    {
        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [Shipping]).Add(c => c.Currency, "USD"));

        Assert.Equal(
            "Shoppers who abandon on unexpected extra costs: 60.0%, from Industry surveys (publisher not named)",
            cards.Find(".fi-flag-reference").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "(commonly attributed to Aberdeen Group)")]
    [InlineData("ar", "(يُنسب عادةً إلى Aberdeen Group)")]
    public void A_source_that_ends_in_its_own_bracket_keeps_one_closing_bracket_in_both_languages(string culture, string ending)
    {
        UseCulture(culture);
        var slow = new CheckoutFrictionFlag(
            "slow_pages", "Slow pages", "Sessions slower than the median page load of 2,000 ms convert at 2.0% against 5.0% for faster ones; p = 0.05.",
            [new("medianPageLoadMs", 2000), new("slowConversion", 0.02), new("fastConversion", 0.05), new("pValue", 0.0312)], FlagConfidence.Medium, 300, 0, "Make pages faster.",
            ReferenceFigures.PageLoadPerSecond);

        var reference = Render<FlagCards>(p => p.Add(c => c.Flags, [slow]).Add(c => c.Currency, "USD")).Find(".fi-flag-reference").TextContent.Trim();

        // The source's own bracket closes it, once (never "Aberdeen Group))"), isolated so it stays whole in Arabic.
        Assert.EndsWith(ending, reference.TrimEnd('\u2069'), StringComparison.Ordinal);
        Assert.DoesNotContain("))", reference, StringComparison.Ordinal);
        Assert.Equal(1, reference.Count(c => c == ')'));
    }

    [Fact]
    public void In_arabic_the_source_is_translated_and_isolated_so_its_brackets_stay_whole()
    {
        UseCulture("ar");

        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [Shipping]).Add(c => c.Currency, "USD"));

        Assert.Equal(
            "المتسوقون الذين يتركون بسبب تكاليف إضافية مفاجئة: \u206660.0%\u2069، المصدر: \u2068استطلاعات في القطاع (لم يُذكر الناشر)\u2069",
            cards.Find(".fi-flag-reference").TextContent.Trim());
    }

    [Fact]
    public void In_arabic_the_evidence_is_an_arabic_sentence_that_keeps_the_flags_figures()
    {
        UseCulture("ar");
        var carts = new CheckoutFrictionFlag(
            "cart_left_behind", "Carts left behind", "207 carts with value were abandoned, worth 26,683.69 in all.",
            [new("abandonedCartsWithValue", 207), new("abandonedCartValue", 26683.69)], FlagConfidence.High, 207, 26683.69, "Send reminders.", null);

        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [carts, Shipping]).Add(c => c.Currency, "USD"));

        Assert.Equal("تُركت \u2066207\u2069 سلة ذات قيمة، بمجموع \u206626,683.69 USD\u2069.",
            cards.Find(".fi-flag-cart_left_behind .fi-flag-evidence").TextContent.Replace("\u00a0", " ", StringComparison.Ordinal).Replace("\u200f", "", StringComparison.Ordinal));
        Assert.Equal("غادرت \u206645\u2069 جلسة بعد خطوة الشحن مباشرة، وهي \u206650.0%\u2069 من مغادرات الدفع؛ ويبلغ وسيط حصة الشحن والضريبة من إجمالي الطلب \u206612.5%\u2069.",
            cards.Find(".fi-flag-surprise_costs .fi-flag-evidence").TextContent);
    }

    [Fact]
    public void In_english_the_abandoned_carts_value_carries_the_store_currency_as_the_rest_of_the_page()
    {
        var carts = new CheckoutFrictionFlag(
            "cart_left_behind", "Carts left behind", "207 carts with value were abandoned, worth 26,683.69 in all.",
            [new("abandonedCartsWithValue", 207), new("abandonedCartValue", 26683.69)], FlagConfidence.High, 207, 26683.69, "Send reminders.", null);

        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [carts, Shipping]).Add(c => c.Currency, "USD"));

        Assert.Equal("207 carts with value were abandoned, worth USD 26,683.69 in all.",
            cards.Find(".fi-flag-cart_left_behind .fi-flag-evidence").TextContent.Replace("\u00a0", " ", StringComparison.Ordinal));
        // A sentence naming no figure stays the engine's.
        Assert.Equal("45 of 90 checkout exits (50.0%) happen after the shipping step.", cards.Find(".fi-flag-surprise_costs .fi-flag-evidence").TextContent);
    }

    [Fact]
    public void In_arabic_a_flag_without_the_figures_its_sentence_names_keeps_the_engines_words()
    {
        UseCulture("ar");

        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [Account]).Add(c => c.Currency, "USD"));

        Assert.Equal("20 of 40 sessions left at sign-up.", cards.Find(".fi-flag-evidence").TextContent);
    }

    [Fact]
    public void No_flags_say_that_nothing_has_enough_evidence()
    {
        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, []).Add(c => c.Currency, "USD"));

        Assert.Empty(cards.FindAll(".fi-flag"));
        Assert.Equal("No checkout friction has enough evidence in this selection.", cards.Find(".fi-no-flags").TextContent.Trim());
    }

    [Fact]
    public void In_arabic_the_slow_pages_evidence_writes_its_p_value_and_rates_with_latin_digits_each_isolated()
    {
        UseCulture("ar");
        var slow = new CheckoutFrictionFlag(
            "slow_pages", "Slow pages", "Sessions slower than the median page load of 2,000 ms convert at 2.0% against 5.0% for faster ones; p = 0.05.",
            [new("medianPageLoadMs", 2000), new("slowConversion", 0.02), new("fastConversion", 0.05), new("pValue", 0.0312)], FlagConfidence.Medium, 300, 0, "Make pages faster.", null);

        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [slow]).Add(c => c.Currency, "USD"));

        // p = 0.0312 written to three decimals with a Latin point (never "0٫031"), the rates with "%" (never "٪").
        Assert.Equal("الجلسات الأبطأ من وسيط تحميل الصفحة (\u20662,000\u2069 م.ث) تتحول بنسبة \u20662.0%\u2069 مقابل \u20665.0%\u2069 للأسرع؛ p = \u20660.031\u2069.",
            cards.Find(".fi-flag-evidence").TextContent);
    }

    [Theory]
    [MemberData(nameof(MoneyCases.Amounts), MemberType = typeof(MoneyCases))]
    public void Revenue_at_stake_and_the_abandoned_carts_value_have_the_decimals_of_the_stores_currency(string culture, string currency, string large, string small)
    {
        UseCulture(culture);
        var carts = new CheckoutFrictionFlag(
            "cart_left_behind", "Carts left behind", "207 carts with value were abandoned, worth 98.77 in all.",
            [new("abandonedCartsWithValue", 207), new("abandonedCartValue", MoneyCases.Small)], FlagConfidence.High, 207, MoneyCases.Large, "Send reminders.", null);
        var cards = Render<FlagCards>(p => p.Add(c => c.Flags, [carts]).Add(c => c.Currency, currency));

        Assert.Equal(large, MoneyCases.Shown(cards.Find(".fi-flag-revenue").TextContent, culture));
        Assert.Contains(small, MoneyCases.Shown(cards.Find(".fi-flag-evidence").TextContent, culture), StringComparison.Ordinal);
    }
}
