//! HTML to readable text: paragraphs, line breaks, list items and table rows kept as
//! lines; scripts, styles and the head dropped; entities decoded. Enough for an HTML-only
//! e-mail or a saved web page, not a browser.

/// Elements whose start or end begins a new line (a blank line for paragraphs).
fn block_break(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table" | "ul"
        | "ol" | "section" | "article" | "header" | "footer" | "pre" => "\n\n",
        "br" | "li" | "tr" | "dt" | "dd" | "hr" => "\n",
        "td" | "th" => "\t",
        _ => return None,
    })
}

/// The text of an HTML document.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    // Inside <script>, <style>, <head> or <title>: text is dropped until this end tag.
    let mut skip_until: Option<&'static str> = None;
    while let Some(lt) = rest.find('<') {
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let inner = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" if !closing => skip_until = Some("script"),
            "style" if !closing => skip_until = Some("style"),
            "head" if !closing => skip_until = Some("head"),
            "title" if !closing => skip_until = Some("title"),
            _ => {
                if let Some(brk) = block_break(&name) {
                    push_break(&mut out, brk);
                }
            }
        }
    }
    if skip_until.is_none() {
        push_text(&mut out, rest);
    }
    tidy(&out)
}

/// Text between tags: whitespace runs become one space, entities decoded.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    let mut last_space = out.ends_with([' ', '\n', '\t']) || out.is_empty();
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(if c == '\u{a0}' { ' ' } else { c });
            last_space = false;
        }
    }
}

fn push_break(out: &mut String, brk: &str) {
    while out.ends_with(' ') {
        out.pop();
    }
    // An element's end and the next one's start make one break, not two.
    if brk == "\n" && out.ends_with('\n') {
        return;
    }
    out.push_str(brk);
}

/// Lines trimmed, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

/// `&amp;`, `&pound;`, `&#163;`, `&#xA3;` and the other common named entities.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|i| i + 1)
            .filter(|&i| i <= 10 && rest[i..].starts_with(';'));
        let decoded = end.and_then(|i| entity(&rest[1..i]).map(|c| (c, i + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "pound" => '£',
        "euro" => '€',
        "copy" => '©',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "bull" => '•',
        "sect" => '§',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_entities_survive() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body>\
            <p>Dear Ms Smith,</p><p>Our ref:&nbsp;FOI&nbsp;123</p>\
            <p>1. The cost was &pound;1,000 &amp; more.<br>2. Not held.</p>\
            <script>alert(1)</script><ul><li>one</li><li>two</li></ul></body></html>";
        assert_eq!(
            html_to_text(html),
            "Dear Ms Smith,\n\nOur ref: FOI 123\n\n1. The cost was £1,000 & more.\n2. Not held.\n\none\ntwo\n"
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for s in [
            "<",
            "<p",
            "&#xZZ;",
            "&#99999999;",
            "<!-- x",
            "a &amp",
            "<script>",
            "&;",
        ] {
            let _ = html_to_text(s);
        }
        assert_eq!(decode_entities("a &unknown; b"), "a &unknown; b");
    }
}
