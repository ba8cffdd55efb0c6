//! Drawing the whole screen from the state: panes (or the welcome screen), the status
//! line, the keys, and whatever is open on top.

use super::app::{App, Mode};
use super::layout::areas;
use super::overlays;
use super::panes::{case_detail, cases, footer, timeline, welcome};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App) {
    let a = areas(f.area(), app.focus == super::app::Pane::Timeline);
    if app.is_empty() {
        welcome::draw(f, app, a.main);
    } else {
        cases::draw(f, app, a.cases);
        case_detail::draw(f, app, a.case);
        timeline::draw(f, app, a.timeline);
    }
    footer::draw_status(f, app, a.status);
    footer::draw_keys(f, app, a.footer);
    if app.theme.color && !matches!(app.mode, Mode::Normal | Mode::Search | Mode::Jump(_)) {
        // What is open on top has the attention: the panes behind step back.
        f.buffer_mut().set_style(
            a.main,
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM),
        );
    }
    match &app.mode {
        Mode::Help { scroll } => overlays::help::draw(f, app, *scroll, a.main),
        Mode::Confirm(c) => overlays::confirm::draw(f, app, c, a.main),
        Mode::Form(form) => overlays::form::draw(f, app, form, a.main),
        Mode::Path(p) => overlays::prompt::draw_path(f, app, p, a.main),
        Mode::Import(r) => overlays::import::draw(f, app, r, a.main),
        Mode::ImportFile(file) => overlays::prompt::draw_file(f, app, file, a.main),
        Mode::Letter(d) => overlays::letter::draw(f, app, d, a.main),
        Mode::Hits(h) => overlays::hits::draw(f, app, h, a.main),
        Mode::Stats(s) => overlays::stats::draw(f, app, s, a.main),
        Mode::Agenda(ag) => overlays::agenda::draw(f, app, ag, a.main),
        Mode::Batches(l) => overlays::batch::draw_list(f, app, l, a.main),
        Mode::Batch(s) => overlays::batch::draw(f, app, s, a.main),
        Mode::Busy(m) => overlays::prompt::draw_busy(f, app, m, a.main),
        Mode::Normal | Mode::Search | Mode::Jump(_) => {}
    }
}
