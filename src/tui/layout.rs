//! Where everything goes, computed once per frame from the screen size and the shape of
//! what is shown (is the search line up, how many questions, which clocks), and handed
//! to both drawing and the keys and mouse, so that they agree on it. Usable at 80×24,
//! roomier from about 100 columns.

use crate::calendar::Clock;
use crate::casebook::CaseView;
use ratatui::layout::{Constraint, Layout, Rect};

/// The rows a case in the list takes: its title, then its clock and authority.
pub const CASE_ROWS: u16 = 2;

/// The rows of the case pane's header (authority, references, dates).
const HEADER_ROWS: u16 = 3;

/// What the layout depends on besides the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// The timeline has the keyboard: it grows.
    pub timeline_focused: bool,
    /// The search line shows at the top of the cases pane.
    pub search_line: bool,
    /// The selected case's questions, events and clocks (none: no case selected).
    pub questions: usize,
    pub events: usize,
    pub clocks: ClockShape,
}

/// The selected case's clocks as the timeline stacks them: the one that matters now
/// (when one is live), the other live ones, the finished ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClockShape {
    pub lead: bool,
    pub live: u16,
    pub done: u16,
}

impl ClockShape {
    pub fn of(v: &CaseView) -> ClockShape {
        let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let order = clock_order(v);
        let lead = order.first().is_some_and(|c| c.is_live());
        let live = order.iter().filter(|c| c.is_live()).count() - usize::from(lead);
        ClockShape {
            lead,
            live: count(live),
            done: count(order.iter().filter(|c| !c.is_live()).count()),
        }
    }
}

/// The clocks in the order the timeline stacks them: the one that matters now, the
/// other live ones by due date, then the finished ones.
pub fn clock_order(v: &CaseView) -> Vec<&Clock> {
    let lead = v.next_clock();
    let mut live: Vec<&Clock> = v
        .clocks
        .iter()
        .filter(|c| c.is_live() && !lead.is_some_and(|l| std::ptr::eq(*c, l)))
        .collect();
    live.sort_by_key(|c| c.due);
    let done = v.clocks.iter().filter(|c| !c.is_live());
    lead.into_iter().chain(live).chain(done).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub cases: Rect,
    /// The cases pane's rows of cases (under the search line when it shows).
    pub cases_list: Rect,
    pub case: Rect,
    /// The case pane's header, questions list and selected question's text.
    pub case_header: Rect,
    pub questions: Rect,
    pub question_text: Rect,
    pub timeline: Rect,
    /// The timeline's clocks and its events list.
    pub clocks: Rect,
    pub events: Rect,
    /// Clocks drawn a row shorter each (a short pane).
    pub compact_clocks: bool,
    /// The whole main area (the welcome screen and everything over the panes use it).
    pub main: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Areas {
    /// How many cases fit in the list.
    pub fn cases_shown(&self) -> usize {
        (self.cases_list.height / CASE_ROWS) as usize
    }
}

/// The panes for this screen; the timeline grows when it has the keyboard, as
/// lazygit's focused panes do, so that small screens still show all of it.
pub fn areas(screen: Rect, shape: &Shape) -> Areas {
    let timeline_focused = shape.timeline_focused;
    let [main, status, footer] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(footer_rows(screen)),
    ])
    .areas(screen);
    let left = if screen.width >= 100 {
        (screen.width * 36 / 100).clamp(36, 60)
    } else {
        (screen.width * 36 / 100).clamp(20, 30)
    };
    let [cases, right] =
        Layout::horizontal([Constraint::Length(left), Constraint::Min(10)]).areas(main);
    // The case pane gets the larger share; the timeline keeps room for a clock and a few events.
    let share = if timeline_focused { 60 } else { 42 };
    let timeline_h = (right.height * share / 100).max(8.min(right.height));
    let [case, timeline] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(timeline_h)]).areas(right);
    let mut cases_list = inner(cases);
    if shape.search_line {
        cases_list.y += 1;
        cases_list.height = cases_list.height.saturating_sub(1);
    }
    let (case_header, questions, question_text) = case_split(case, shape.questions);
    let (clocks, events, compact_clocks) = timeline_split(timeline, shape);
    Areas {
        cases,
        cases_list,
        case,
        case_header,
        questions,
        question_text,
        timeline,
        clocks,
        events,
        compact_clocks,
        main,
        status,
        footer,
    }
}

/// The case pane: header, questions list and the selected question's text.
fn case_split(pane: Rect, questions: usize) -> (Rect, Rect, Rect) {
    let a = padded(pane);
    let header = Rect {
        height: HEADER_ROWS.min(a.height),
        ..a
    };
    let rest = a.height.saturating_sub(HEADER_ROWS + 1);
    // The list gets what it needs, leaving the text a few rows (more on a tall screen).
    let text_min = if a.height < 16 { 3 } else { 6 };
    let list_h = (questions.max(1) as u16)
        .min(rest.saturating_sub(text_min).max(3))
        .min(rest);
    let list = Rect {
        y: a.y + HEADER_ROWS + 1,
        height: list_h,
        ..a
    };
    let text = Rect {
        y: list.y + list_h,
        height: rest - list_h,
        ..a
    };
    (header, list, text)
}

/// Rows a clock takes: the lead one four (title, gauge, two of basis), other live ones
/// three, finished ones two; on a short pane, one row less each.
pub fn clock_rows(lead: bool, live: bool, compact: bool) -> u16 {
    let rows = if lead {
        4
    } else if live {
        3
    } else {
        2
    };
    rows - u16::from(compact)
}

/// The timeline: its clocks' part and its events' part, and whether the clocks are
/// drawn compact.
fn timeline_split(pane: Rect, shape: &Shape) -> (Rect, Rect, bool) {
    let a = padded(pane);
    let compact = a.height < 10;
    let c = shape.clocks;
    let want = if c.lead {
        clock_rows(true, true, compact)
    } else {
        0
    }
    .saturating_add(c.live.saturating_mul(clock_rows(false, true, compact)))
    .saturating_add(c.done.saturating_mul(clock_rows(false, false, compact)));
    let clocks_n = u16::from(c.lead)
        .saturating_add(c.live)
        .saturating_add(c.done);
    // Events keep at least three rows (and their heading) when there are events.
    let keep = if shape.events == 0 {
        0
    } else {
        4.min(a.height)
    };
    let clocks_h = want.min(a.height.saturating_sub(keep));
    let heading = u16::from(shape.events > 0 || clocks_n == 0);
    let events = Rect {
        y: a.y + clocks_h + heading,
        height: a.height.saturating_sub(clocks_h + heading),
        ..a
    };
    (
        Rect {
            height: clocks_h,
            ..a
        },
        events,
        compact,
    )
}

/// The keys take two rows on a roomy screen (the pane's keys, then those that work
/// everywhere), so that every key shows; one on a small one (the rest are in `?`).
pub fn footer_rows(screen: Rect) -> u16 {
    if screen.height >= 30 && screen.width >= 100 {
        2
    } else {
        1
    }
}

// The boxes that open over the panes, and what fits in them (their keys page by it).

/// Rows a search hit takes: the case, then the extract.
pub const HIT_ROWS: u16 = 2;

/// The search hits' box, for this many hits.
pub fn hits_box(main: Rect, hits: usize) -> Rect {
    let wanted = (hits as u16).saturating_mul(HIT_ROWS).saturating_add(2);
    centered(main, 100, wanted.min(main.height))
}

/// How many hits show at once.
pub fn hits_page(main: Rect) -> usize {
    ((inner(hits_box(main, usize::MAX)).height / HIT_ROWS) as usize).max(1)
}

/// The agenda's box, for this many lines.
pub fn agenda_box(main: Rect, lines: usize) -> Rect {
    let wanted = u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2);
    centered(main, 110, wanted.min(main.height))
}

/// How many agenda lines show at once.
pub fn agenda_page(main: Rect) -> usize {
    (inner(agenda_box(main, usize::MAX)).height as usize).max(1)
}

/// The letter's box.
pub fn letter_box(main: Rect) -> Rect {
    centered(main, 84, main.height)
}

/// Columns for the letter's text inside its box.
pub fn letter_width(main: Rect) -> usize {
    (letter_box(main).width as usize).saturating_sub(4).max(10)
}

/// Rows of the letter shown at once.
pub fn letter_rows(main: Rect) -> u16 {
    inner(letter_box(main)).height
}

/// Lines of a round robin's box that are not grid rows: the timing line, the column
/// heads, the question's rule, its counts and the selected authority's line.
pub const BATCH_CHROME: u16 = 5;

/// Grid rows that fit in the round robin's box drawn over `main`.
pub fn batch_rows(main: Rect) -> usize {
    (inner(main).height.saturating_sub(BATCH_CHROME) as usize).max(1)
}

/// The help's box.
pub fn help_box(main: Rect) -> Rect {
    centered(main, 92, main.height)
}

/// A centred box of at most `width`×`height` inside `area`; when only a sliver would be
/// left either side, the full width (slivers of the panes behind look like clutter).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = if area.width.saturating_sub(width) < 12 {
        area.width
    } else {
        width
    };
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The inside of a bordered block, with a column of room each side for text.
pub fn padded(area: Rect) -> Rect {
    let a = inner(area);
    Rect {
        x: a.x.saturating_add(1),
        width: a.width.saturating_sub(2),
        ..a
    }
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen_without_overlap() {
        for (w, h) in [(80, 24), (120, 40), (60, 15), (200, 60)] {
            let shape = Shape {
                timeline_focused: w == 60,
                ..Shape::default()
            };
            let a = areas(Rect::new(0, 0, w, h), &shape);
            assert_eq!(a.cases.width + a.case.width, w);
            assert_eq!(
                a.case.height + a.timeline.height + 1 + footer_rows(Rect::new(0, 0, w, h)),
                h
            );
            assert!(!a.cases.intersects(a.case));
            assert!(!a.case.intersects(a.timeline));
            assert_eq!(a.footer.y + a.footer.height, h);
        }
    }

    #[test]
    fn the_search_line_takes_the_lists_first_row() {
        let screen = Rect::new(0, 0, 120, 40);
        let plain = areas(screen, &Shape::default());
        let searching = areas(
            screen,
            &Shape {
                search_line: true,
                ..Shape::default()
            },
        );
        assert_eq!(searching.cases_list.y, plain.cases_list.y + 1);
        assert_eq!(searching.cases_list.height + 1, plain.cases_list.height);
        assert_eq!(
            plain.cases_shown(),
            (plain.cases_list.height / CASE_ROWS) as usize
        );
    }

    #[test]
    fn the_case_pane_and_the_timeline_split_inside_their_frames() {
        let shape = Shape {
            questions: 9,
            events: 2,
            clocks: ClockShape {
                lead: true,
                live: 0,
                done: 1,
            },
            ..Shape::default()
        };
        for (w, h) in [(120, 40), (80, 24)] {
            let a = areas(Rect::new(0, 0, w, h), &shape);
            // Header, rule, questions, then the selected question's text, all inside.
            assert_eq!(a.questions.y, a.case_header.y + a.case_header.height + 1);
            assert_eq!(a.question_text.y, a.questions.y + a.questions.height);
            assert!(a.case.contains(a.question_text.as_position()) || a.question_text.height == 0);
            // The clocks first, the events' heading, then the events, inside the timeline.
            assert_eq!(a.events.y, a.clocks.y + a.clocks.height + 1);
            assert!(a.events.y + a.events.height < a.timeline.y + a.timeline.height);
            let want = clock_rows(true, true, a.compact_clocks)
                + clock_rows(false, false, a.compact_clocks);
            assert!(a.clocks.height <= want);
            assert!(a.events.height >= 3, "{w}x{h}: events keep three rows");
        }
    }
}
