//! The phrases that tell what the authority did: refused, withheld, not held,
//! published, answered in part.

use super::super::clean::re;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:not\s+(?:been\s+)?(?:engaged|applied|applicable|relied|relying|apply|applies|exempt|withheld)|(?:do|does|did|have|has|will|would)\s+not\s+(?:apply|engage|rely|consider\s+(?:that\s+)?(?:section|regulation|the\s+exemption|any\s+exemption))|no\s+exemptions?\s+(?:has|have|were|was|is|are|apply|applies|applied|to\s+apply)|without\s+(?:any\s+)?(?:exemptions?|redactions?)|nothing\s+has\s+been\s+withheld|not\s+subject\s+to\s+(?:any\s+)?exemption)",
    )
});
pub(super) static NCND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)neither\s+(?:to\s+)?confirms?\s+n?or\s+den(?:y|ies)|\bncnd\b|(?:confirm|confirming)\s+or\s+(?:deny|denying)\s+(?:whether|that|if)|duty\s+to\s+confirm\s+or\s+deny\s+does\s+not\s+(?:apply|arise)|exclu\w+\s+from\s+the\s+duty\s+to\s+confirm",
    )
});
pub(super) static VEXATIOUS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bvexatious|\brepeat(?:ed)?\s+requests?\b"));
pub(super) static UNREASONABLE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)manifestly\s+unreasonable"));
pub(super) static BURDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)burden|\bhours\b|\bcost|resources|disproportionate|time\s+(?:it\s+would\s+take|required)",
    )
});
pub(super) static QUANTITY: LazyLock<Regex> =
    LazyLock::new(|| re(r"£\s?\d|\b(?:\d{1,3}(?:,\d{3})+|\d{1,3}|\d{5,})(?:\.\d+)?\b"));
pub(super) static NOT_A_FACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bref(?:erence)?\b|\btel\b|telephone|phone|\bfax\b|@|https?://|www\.|\bpage\s+\d|\bparagraph\s+\d|\bquestions?\s+\d|\brequests?\s+\d|\breview|\bcommissioner|\bappeal|\bcomplain",
    )
});
pub(super) static NOT_VEXATIOUS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bnot\s+(?:consider(?:ed)?\s+)?(?:to\s+be\s+)?(?:vexatious|manifestly)")
});
pub(super) static COST: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:cost|appropriate|fees?)\s+limit|£\s?(?:450|600)\b|\b(?:18|24|eighteen|twenty[- ]four)\s+(?:working\s+)?hours\b|exceed\w*\s+the\s+(?:appropriate\s+)?(?:limit|amount)|would\s+cost\s+more\s+than|excessive\s+cost|cost\s+of\s+compliance|disproportionate\s+(?:cost|time|amount|burden)|\bsection\s+12\b",
    )
});
pub(super) static COST_REFUSAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)exceed|more\s+than|\bover\b|\babove\b|beyond|outside|refus|unable|cannot|can\s*not|not\s+(?:able|obliged|required)|would\s+(?:take|cost|require|involve)|excessive|disproportionate|burden",
    )
});
pub(super) static COST_OK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwithin\s+the\s+(?:cost|appropriate|fees?)\s+limit|(?:does|did|would)\s+not\s+exceed|(?:until|once|if)\s+the\s+cost\s+limit\s+is\s+reached",
    )
});
pub(super) static NOT_HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(?:do|does|did)\s+not|don'?t|doesn'?t|didn'?t)\s+(?:hold|have\s+(?:any\s+|this\s+|that\s+|the\s+|such\s+|these\s+|those\s+)?(?:recorded\s+)?(?:information|data|records?|details|figures)|record|collect|keep|retain|capture|possess)\b|(?:information|data|it|this|these|records?|details?|figures?|documents?|statistics)\s+(?:is|are|was|were)\s+not\s+held|^\W*not\s+held|\b(?:questions?|requests?|parts?|items?|points?)\b[\s\w()]{0,12}?\s(?:is|are|was|were)\s+not\s+held|\bnot\s+held\s+by|\bno\s+(?:recorded\s+|relevant\s+|such\s+)?(?:information|data|records?|documents?|figures?)\s+(?:is\s+|are\s+|was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:held|recorded|kept|found|located|exists?|available)|\bno\s+recorded\s+information|\bholds?\s+no\s+(?:recorded\s+|relevant\s+)?(?:information|data|records?)|\b(?:is|are)\s+not\s+(?:recorded|collected|kept|captured)\b|\bnil\s+return|\binformation\s+not\s+held",
    )
});
pub(super) static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:available|published|accessible|found|located|viewed|accessed)\s+(?:on|via|from|at|through|in)\s+(?:our|the\s+(?:council|trust|force|department|authority|board|agency|government)(?:'s)?|its|their)\s+(?:web\s?site|web\s?pages?|internet|publication\s+scheme|disclosure\s+log|online)|publicly\s+available|already\s+(?:been\s+)?published|(?:is|are|was|were)\s+published\s+(?:on|at|in|online|by|annually|monthly|quarterly)|in\s+the\s+public\s+domain|reasonably\s+accessible|accessible\s+(?:to\s+you\s+)?by\s+other\s+means|otherwise\s+accessible|available\s+online|available\s+to\s+the\s+public|available\s+(?:at|from|via|here)\s*:?\s*(?:https?://|www\.)",
    )
});
pub(super) static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)intended\s+for\s+(?:future\s+)?publication|(?:will|is\s+due\s+to|are\s+due\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to)\s+be\s+published|plan(?:s|ned)?\s+to\s+publish|future\s+publication",
    )
});
pub(super) static WITHHOLD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bexempt(?:ion|ions|ed)?\b|withh[eo]ld|\bredact|\brefus|not\s+(?:be\s+)?(?:disclos|releas|provid)|(?:unable|not\s+able)\s+to\s+(?:disclose|release|provide|share)|cannot\s+(?:disclose|release|provide|share)|can\s*not\s+be\s+(?:disclosed|released|provided)|exception\s+(?:applies|is\s+engaged)|commercially\s+sensitive",
    )
});
pub(super) static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bpartly\b|\bpartial(?:ly)?\b|\bin\s+part\b|\bpart\s+of\s+(?:your|the|this)|some\s+(?:of\s+)?(?:the\s+)?(?:information|data|details|records|documents)|\bthe\s+remain(?:der|ing)|\bredact|with\s+the\s+exception|except\s+for|however,?\s+(?:we|i)\s+(?:can|are\s+able|have|do)|\bbut\s+(?:we|i)\s+(?:can|are\s+able|have\s+provided)|\bthe\s+rest\s+of|\bother\s+parts?\b|\bremoved\b",
    )
});
pub(super) static DISCLOSES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)please\s+(?:find|see)\s+(?:attached|enclosed|below|the\s+(?:attached|enclosed|information|table|figures|answer|response))|\b(?:is|are)\s+(?:attached|enclosed)\b|\battached\s+(?:is|are|to\s+this|please)|\b(?:i|we)\s+(?:can|am\s+able\s+to|are\s+able\s+to)\s+provide|\b(?:i\s+am|we\s+are)\s+pleased\s+to|\bhas\s+been\s+(?:provided|released|disclosed)|\bhave\s+(?:provided|released|disclosed)|\bprovided\s+(?:below|above)|\bas\s+follows|\bthe\s+(?:answer|figure|number|total|amount|cost)s?\s+(?:is|are|was|were)\b|\bthere\s+(?:were|was|are|is|have\s+been|has\s+been)\s+\d|£\s?\d|\b\d[\d,.]*\s*(?:%|per\s*cent)|\b(?:we|the\s+\w+)\s+(?:can\s+)?confirm\s+that\s+(?:there|the\s+(?:number|figure|total|cost))|\bsee\s+(?:the\s+)?(?:attached|enclosed|table|spreadsheet)",
    )
});
pub(super) static ATTACHED_RESPONSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:attached|enclosed)\s+(?:is\s+|please\s+find\s+|you\s+will\s+find\s+)?(?:our|my|the\s+\w+'?s?|a|the)\s+(?:formal\s+|full\s+)?(?:response|reply|letter|decision)",
    )
});
pub(super) static SEE_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:see|refer\s+to|as\s+per|as\s+in)\s+(?:our\s+|my\s+|the\s+)?(?:answers?|responses?|reply)\s+(?:to|for|at|given\s+(?:to|for|at|in))\s+(?:question|request|q|part|point)\s*\.?\s*(\d{1,3})|(?:see|refer\s+to)\s+(?:question|request|q)\s*\.?\s*(\d{1,3})",
    )
});
pub(super) static EXCEPTION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\(\s*(?:with\s+the\s+exceptions?\s+of|except|apart\s+from|other\s+than|excluding|save\s+for)[^()]{0,160}\)|(?:with\s+the\s+exceptions?\s+of|except(?:\s+for)?|apart\s+from|other\s+than|excluding|save\s+for)\s+(?:the\s+)?(?:(?:part|parts|some)\s+of\s+)?(?:your\s+|the\s+|our\s+)?(?:answers?\s+to\s+|responses?\s+to\s+)?(?:requests?|questions?|q|items?|points?)\s*\.?\s*\d{1,3}(?:\s*(?:-|to|and|&|,)\s*\d{1,3})*",
    )
});
