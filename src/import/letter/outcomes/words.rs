//! The phrases that tell what the authority did: refused, withheld, not held,
//! published, answered in part.

use super::super::clean::re;
use regex::Regex;
use std::sync::LazyLock;

/// A sentence saying an exemption is *not* relied on: its citations do not count.
pub(super) static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            # not engaged, not applied, not exempt
            \b(?:not\s+(?:been\s+)?
                (?:engaged|applied|applicable|relied|relying|apply|applies|exempt|withheld)
            # does not apply, will not rely on
          | (?:do|does|did|have|has|will|would)\s+not\s+(?:apply|engage|rely|consider\s+
                (?:that\s+)?(?:section|regulation|the\s+exemption|any\s+exemption))
            # no exemption has been applied
          | no\s+exemptions?\s+(?:has|have|were|was|is|are|apply|applies|applied|to\s+apply)
          | without\s+(?:any\s+)?(?:exemptions?|redactions?)  # without any redactions
          | nothing\s+has\s+been\s+withheld
          | not\s+subject\s+to\s+(?:any\s+)?exemption)
        ")
});
/// Neither confirm nor deny.
pub(super) static NCND: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            neither\s+(?:to\s+)?confirms?\s+n?or\s+den(?:y|ies)  # the usual words
          | \bncnd\b                                             # the initials
            # confirming or denying whether
          | (?:confirm|confirming)\s+or\s+(?:deny|denying)\s+(?:whether|that|if)
            # the duty does not arise
          | duty\s+to\s+confirm\s+or\s+deny\s+does\s+not\s+(?:apply|arise)
          | exclu\w+\s+from\s+the\s+duty\s+to\s+confirm          # excluded from the duty
        ")
});
/// A refusal as vexatious or repeated.
pub(super) static VEXATIOUS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \bvexatious
          | \brepeat(?:ed)?\s+requests?\b
        ")
});
/// The environmental regulations' "manifestly unreasonable": cost or vexatious.
pub(super) static UNREASONABLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            manifestly\s+unreasonable
        ")
});
/// Words of burden that make "manifestly unreasonable" a refusal on cost.
pub(super) static BURDEN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            burden
          | \bhours\b
          | \bcost
          | resources
          | disproportionate
          | time\s+(?:it\s+would\s+take|required)
        ")
});
/// A quantity: a sum of money or a number.
pub(super) static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
            £\s?\d
          | \b(?:\d{1,3}(?:,\d{3})+|\d{1,3}|\d{5,})(?:\.\d+)?\b
        ")
});
/// Numbers that state no fact: references, telephone numbers, addresses, and
/// the numbers of questions, pages and review steps.
pub(super) static NOT_A_FACT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \bref(?:erence)?\b
          | \btel\b
          | telephone
          | phone
          | \bfax\b
          | @
          | https?://
          | www\.
          | \bpage\s+\d
          | \bparagraph\s+\d
          | \bquestions?\s+\d
          | \brequests?\s+\d
          | \breview
          | \bcommissioner
          | \bappeal
          | \bcomplain
        ")
});
/// "We do not consider the request vexatious".
pub(super) static NOT_VEXATIOUS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \bnot\s+(?:consider(?:ed)?\s+)?(?:to\s+be\s+)?(?:vexatious
          | manifestly)
        ")
});
/// The cost limit named.
pub(super) static COST: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \b
                (?:cost|appropriate|fees?)\s+limit  # cost limit, appropriate limit, fees limit
          | £\s?(?:450|600)\b                     # the limit in pounds
            # the limit in hours
          | \b(?:18|24|eighteen|twenty[-\x20]four)\s+(?:working\s+)?hours\b
            # exceeds the appropriate limit
          | exceed\w*\s+the\s+(?:appropriate\s+)?(?:limit|amount)
          | would\s+cost\s+more\s+than
          | excessive\s+cost
          | cost\s+of\s+compliance
          | disproportionate\s+(?:cost|time|amount|burden)
          | \bsection\s+12\b                      # section 12 of the Act
        ")
});
/// The cost limit said to be exceeded (with [`COST`] in the same sentence).
pub(super) static COST_REFUSAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            exceed
          | more\s+than
          | \bover\b
          | \babove\b
          | beyond
          | outside
          | refus
          | unable
          | cannot
          | can\s*not
          | not\s+(?:able|obliged|required)
          | would\s+(?:take|cost|require|involve)
          | excessive
          | disproportionate
          | burden
        ")
});
/// The cost limit said *not* to be exceeded.
pub(super) static COST_OK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \bwithin\s+the\s+(?:cost|appropriate|fees?)\s+limit  # within the cost limit
          | (?:does|did|would)\s+not\s+exceed                    # would not exceed
            # until the limit is reached
          | (?:until|once|if)\s+the\s+cost\s+limit\s+is\s+reached
        ")
});
/// Information not held.
pub(super) static NOT_HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            # we do not hold, do not have any information, do not record
            \b(?:(?:do|does|did)\s+not|don'?t|doesn'?t|didn'?t)\s+(?:hold|have\s+
                (?:any\s+|this\s+|that\s+|the\s+|such\s+|these\s+|those\s+)?(?:recorded\s+)?
                (?:information|data|records?|details|figures)|record|collect|keep|retain|capture|possess)\b
            # the information is not held
          | (?:information|data|it|this|these|records?|details?|figures?|documents?|statistics)\s+
                (?:is|are|was|were)\s+not\s+held
          | ^\W*not\s+held     # a line opening with not held
            # question 3 is not held
          | \b(?:questions?|requests?|parts?|items?|points?)\b[\s\w()]{0,12}?\s
                (?:is|are|was|were)\s+not\s+held
          | \bnot\s+held\s+by  # not held by the Council
            # no information was found
          | \bno\s+(?:recorded\s+|relevant\s+|such\s+)?
                (?:information|data|records?|documents?|figures?)\s+
                (?:is\s+|are\s+|was\s+|were\s+|has\s+been\s+|have\s+been\s+)?
                (?:held|recorded|kept|found|located|exists?|available)
          | \bno\s+recorded\s+information
            # the Council holds no records
          | \bholds?\s+no\s+(?:recorded\s+|relevant\s+)?(?:information|data|records?)
            # this is not recorded
          | \b(?:is|are)\s+not\s+(?:recorded|collected|kept|captured)\b
          | \bnil\s+return
          | \binformation\s+not\s+held
        ")
});
/// Information published elsewhere, or otherwise reasonably accessible.
pub(super) static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            # available on our website, in the publication scheme
            (?:available|published|accessible|found|located|viewed|accessed)\s+
                (?:on|via|from|at|through|in)\s+(?:our|the\s+
                (?:council|trust|force|department|authority|board|agency|government)
                (?:'s)?|its|their)\s+
                (?:web\s?site|web\s?pages?|internet|publication\s+scheme|disclosure\s+log|online)
          | publicly\s+available     # the words of the exemption
          | already\s+(?:been\s+)?published
            # is published annually
          | (?:is|are|was|were)\s+published\s+
                (?:on|at|in|online|by|annually|monthly|quarterly)
          | in\s+the\s+public\s+domain
          | reasonably\s+accessible  # section 21: reasonably accessible
          | accessible\s+(?:to\s+you\s+)?by\s+other\s+means
          | otherwise\s+accessible
          | available\s+online
          | available\s+to\s+the\s+public
            # available at a web address
          | available\s+(?:at|from|via|here)\s*:?\s*(?:https?://|www\.)
        ")
});
/// Information intended for future publication.
pub(super) static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            intended\s+for\s+(?:future\s+)?publication  # section 22, in its own words
            # will be published, is due to be published
          | (?:will|is\s+due\s+to|are\s+due\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to)\s+be\s+published
          | plan(?:s|ned)?\s+to\s+publish               # we plan to publish
          | future\s+publication
        ")
});
/// Words of withholding, with or without a section.
pub(super) static WITHHOLD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \bexempt(?:ion|ions|ed)?\b                 # exempt, exemption
          | withh[eo]ld                                # withheld, withhold
          | \bredact                                   # redacted, redaction
          | \brefus                                    # refused, refusal
          | not\s+(?:be\s+)?(?:disclos|releas|provid)  # will not be disclosed
            # unable to release
          | (?:unable|not\s+able)\s+to\s+(?:disclose|release|provide|share)
          | cannot\s+(?:disclose|release|provide|share)
          | can\s*not\s+be\s+(?:disclosed|released|provided)
          | exception\s+(?:applies|is\s+engaged)       # an environmental exception
          | commercially\s+sensitive
        ")
});
/// Words saying only part is given or withheld.
pub(super) static PARTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            \bpartly\b
          | \bpartial(?:ly)?\b
          | \bin\s+part\b
          | \bpart\s+of\s+(?:your|the|this)                    # part of your request
            # some of the information
          | some\s+(?:of\s+)?(?:the\s+)?(?:information|data|details|records|documents)
          | \bthe\s+remain(?:der|ing)                          # the remainder
          | \bredact                                           # redacted
          | with\s+the\s+exception                             # with the exception of
          | except\s+for
          | however,?\s+(?:we|i)\s+(?:can|are\s+able|have|do)  # however we can provide
            # but we have provided
          | \bbut\s+(?:we|i)\s+(?:can|are\s+able|have\s+provided)
          | \bthe\s+rest\s+of
          | \bother\s+parts?\b
          | \bremoved\b
        ")
});
/// Words giving information: attached, enclosed, a figure stated.
pub(super) static DISCLOSES: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            # please find attached
            please\s+(?:find|see)\s+(?:attached|enclosed|below|the\s+
                (?:attached|enclosed|information|table|figures|answer|response))
          | \b(?:is|are)\s+(?:attached|enclosed)\b  # the table is attached
          | \battached\s+(?:is|are|to\s+this|please)
            # we are able to provide
          | \b(?:i|we)\s+(?:can|am\s+able\s+to|are\s+able\s+to)\s+provide
          | \b(?:i\s+am|we\s+are)\s+pleased\s+to    # we are pleased to
          | \bhas\s+been\s+(?:provided|released|disclosed)
          | \bhave\s+(?:provided|released|disclosed)
          | \bprovided\s+(?:below|above)
          | \bas\s+follows
            # the figure is
          | \bthe\s+(?:answer|figure|number|total|amount|cost)s?\s+(?:is|are|was|were)\b
            # there were 14
          | \bthere\s+(?:were|was|are|is|have\s+been|has\s+been)\s+\d
          | £\s?\d                                  # a sum of money
          | \b\d[\d,.]*\s*(?:%|per\s*cent)          # a percentage
            # we can confirm that there
          | \b(?:we|the\s+\w+)\s+(?:can\s+)?confirm\s+that\s+(?:there|the\s+
                (?:number|figure|total|cost))
          | \bsee\s+(?:the\s+)?(?:attached|enclosed|table|spreadsheet)
        ")
});
/// "Please find attached our response": the answers are elsewhere, not given.
pub(super) static ATTACHED_RESPONSE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            (?:attached
          | enclosed)\s+(?:is\s+
          | please\s+find\s+
          | you\s+will\s+find\s+)?(?:our
          | my
          | the\s+\w+'?s?
          | a
          | the)\s+(?:formal\s+
          | full\s+)?(?:response
          | reply
          | letter
          | decision)
        ")
});
/// "See our answer to question 2": the number in group 1 or 2.
pub(super) static SEE_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            # see our answer to question 2
            (?:see|refer\s+to|as\s+per|as\s+in)\s+(?:our\s+|my\s+|the\s+)?
                (?:answers?|responses?|reply)\s+(?:to|for|at|given\s+(?:to|for|at|in))\s+
                (?:question|request|q|part|point)\s*\.?\s*(\d{1,3})
            # see question 2
          | (?:see|refer\s+to)\s+(?:question|request|q)\s*\.?\s*(\d{1,3})
        ")
});
/// "With the exception of (part of) request 4", read apart from the rest.
pub(super) static EXCEPTION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            # in brackets
            \(\s*
                (?:with\s+the\s+exceptions?\s+of|except|apart\s+from|other\s+than|excluding|save\s+for)[^()]{0,160}\)
            # or running on to the question numbers
          | (?:with\s+the\s+exceptions?\s+of|except
                (?:\s+for)?|apart\s+from|other\s+than|excluding|save\s+for)\s+(?:the\s+)?(?:
                (?:part|parts|some)\s+of\s+)?(?:your\s+|the\s+|our\s+)?
                (?:answers?\s+to\s+|responses?\s+to\s+)?
                (?:requests?|questions?|q|items?|points?)\s*\.?\s*\d{1,3}(?:\s*
                (?:-|to|and|&|,)\s*\d{1,3})*
        ")
});
