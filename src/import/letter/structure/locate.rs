//! Stage 1: locate the letter in its surroundings. Where the authority's own words
//! begin (the greeting), where they say the request follows, and where the answers
//! end: the sign-off, the review paragraph, or a web page's furniture below it.

use super::super::clean::{Doc, re};
use regex::Regex;
use std::sync::LazyLock;

/// Where things are, as line numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bounds {
    /// The first line after the answers (the lines count when there is none).
    pub stop: usize,
    /// "You asked:" and the like, before `stop`.
    pub request_start: Option<usize>,
    /// "Dear …": the letterhead above it holds addresses and references, not answers.
    pub letter_start: usize,
}

pub(super) fn locate(doc: &Doc) -> Bounds {
    let n = doc.lines.len();
    let stop = (0..n)
        .find(|&i| STOP.is_match(doc.text(i)) && (0..i).any(|j| !doc.blank(j)))
        .unwrap_or(n);
    let request_start = (0..stop).find(|&i| REQUEST_START.is_match(doc.text(i)));
    let letter_start = (0..stop)
        .find(|&i| GREETING.is_match(doc.text(i)))
        .unwrap_or(0);
    Bounds {
        stop,
        request_start,
        letter_start,
    }
}

/// A line after which nothing answers a question: a sign-off, the review paragraph,
/// a web page's furniture, or an e-mail quoted below.
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^ \W{0,3}
            (
                # sign-offs
                yours\s+(sincerely|faithfully|truly)
              | kind\s+regards | best\s+regards | warm\s+regards | with\s+regards
              | regards,?\s*$
              | many\s+thanks | best\s+wishes
                # the review paragraph and its headings
              | your\s+rights?\b
              | right\s+(?:of|to)\s+(?:review|complain|appeal|request\s+a\s+review)
              | if\s+you\s+are\s+(?:not\s+)?(?:unhappy|dissatisfied|happy|satisfied|content)
              | if\s+you\s+(?:remain\s+)?
                (?:dissatisfied|unhappy|wish\s+to\s+(?:complain|request\s+(?:an\s+)?(?:internal\s+)?review|appeal))
              | internal\s+review
              | complaints?\s*(?:procedure|process)?\s*:?\s*$
              | appeals?\s*(?:procedure|process)?\s*:?\s*$
              | how\s+to\s+(?:complain|appeal|request\s+a\s+review)
              | requesting\s+a\s+review
              | review\s+(?:procedure|process|rights)
              | copyright\b | © | re-?use\s+of
              | (?:complaint|appeal|review)s?\s+rights?\b
                # you may ask for a review, or complain to the Commissioner
              | you\s+(?:may|can|have\s+the\s+right\s+to)\s+(?:ask|request|apply|appeal|complain)\b
                .{0,80} \b(?:review|reconsider|commissioner)
                # web-page furniture below the letter
              | was\s+this\s+page\s+(?:helpful|useful)
              | related\s+(?:pages|links|content)
              | share\s+this\s+page | back\s+to\s+top
                # an e-mail quoted below the reply
              | -{2,}\s*original\s+message
              | from:\s
            )
        ")
});
/// A line that says the request follows: a sentence ending in a colon ("You asked:"),
/// or a heading alone on its line ("Your request").
static REQUEST_START: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            # a sentence ending in a colon
            (?:
                \byou\s+(?:asked|requested|wrote|said|stated|sought|submitted|made\s+the\s+following\s+request)\b
                [^:]{0,60}
              | \byour\s+(?:original\s+|foi\s+|information\s+|freedom\s+of\s+information\s+)?
                (?:request|questions?|e-?mail|enquiry|application)\b [^:]{0,60}
              | \brequest\s+(?:was|read|is)\b [^:]{0,40}
              | \brequested\s+information
              | \binformation\s+requested
              | \boriginal\s+request
              | \bthe\s+following\s+(?:information|questions?)
            ) \s*:\s*$
            # a heading
          | ^\W{0,3} (?:the\s+|your\s+)? (?:foi\s+|information\s+|original\s+)?
            (?:request|questions?|request\s+details|details\s+of\s+(?:your\s+)?request|information\s+requested)
            \s*:?\s*$
        ")
});
/// A response heading ("Response:", "Our answer is as follows", "A: …"); what follows
/// its colon is in group 1 or 2.
pub(super) static ANSWER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3}
            (?:
                # A: or Ans: and the answer
                (?:a|ans)\s* (:.*)
                # up to three words, then response, answer, reply, decision or outcome
              | (?:[\w'&]+\s+){0,3}? (?:response|answer|reply|decision|outcome)s?
                # to your request, to the questions
                (?:\s+to\s+(?:your\s+)?(?:foi\s+|information\s+|freedom\s+of\s+information\s+)?
                    (?:request|questions?|enquiry))?
                # is as follows, are set out below
                (?:\s+(?:is|are)\s+(?:as\s+follows|(?:set\s+out\s+|given\s+|shown\s+)?below)\.?)?
                \s* (:.*)?
            )$
        ")
});
/// The greeting that opens the letter.
static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?xi)
            ^\W{0,3} (?: dear\b | to\s+whom\s+it\s+may\s+concern )
        ")
});

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(s: &str) -> Bounds {
        locate(&Doc::parse(s))
    }

    #[test]
    fn the_letter_between_letterhead_and_sign_off() {
        let b = bounds(
            "Northshire Council\n\nDear Ms A\n\nYou asked:\n1. How many?\n\nWe hold 3.\n\nYours sincerely\nB",
        );
        assert_eq!(b.letter_start, 2);
        assert_eq!(b.request_start, Some(4));
        assert_eq!(b.stop, 9);
    }

    #[test]
    fn a_review_paragraph_or_page_furniture_ends_the_answers() {
        assert_eq!(
            bounds("We hold 3.\nIf you are unhappy with this response").stop,
            1
        );
        assert_eq!(bounds("We hold 3.\n\nWas this page helpful?").stop, 2);
        // A sign-off on the first line ends nothing: there is nothing above it.
        assert_eq!(bounds("Regards\nWe hold 3.").stop, 2);
    }

    #[test]
    fn request_headings() {
        for s in [
            "You asked:",
            "Your request",
            "Your FOI request was as follows:",
            "Information requested",
        ] {
            assert_eq!(bounds(s).request_start, Some(0), "{s}");
        }
        assert_eq!(bounds("You asked for two things.").request_start, None);
    }
}
