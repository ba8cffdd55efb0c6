//! Where the panes go, computed from the screen size alone, so drawing and the mouse
//! agree on it. Usable at 80×24, roomier from about 100 columns.

use ratatui::layout::{Constraint, Layout, Rect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub cases: Rect,
    pub case: Rect,
    pub timeline: Rect,
    /// The whole main area (the welcome screen uses it).
    pub main: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// The panes for this screen; the timeline grows when it has the keyboard, as
/// lazygit's focused panes do, so that small screens still show all of it.
pub fn areas(screen: Rect, timeline_focused: bool) -> Areas {
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
    Areas {
        cases,
        case,
        timeline,
        main,
        status,
        footer,
    }
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
            let a = areas(Rect::new(0, 0, w, h), w == 60);
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
}
