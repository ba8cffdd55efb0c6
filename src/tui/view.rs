//! Drawing the whole screen from the state: panes (or the welcome screen), the status
//! line, the keys, and whatever is open on top.

use super::app::{App, Mode};
use super::input::contexts;
use super::overlays;
use super::panes::{case_detail, cases, footer, timeline, welcome};
use ratatui::Frame;

pub fn draw(f: &mut Frame, app: &App) {
    let a = app.areas_on(f.area());
    let ui = app.shown();
    if app.is_empty() {
        welcome::draw(f, &ui, a.main);
    } else {
        cases::draw(f, &ui, &a);
        case_detail::draw(f, &ui, &a);
        timeline::draw(f, &ui, &a);
    }
    footer::draw_status(f, &ui, a.status);
    footer::draw_keys(f, &ui, &contexts(app), a.footer);
    let theme = app.theme();
    if theme.color && !matches!(app.mode(), Mode::Normal | Mode::Search | Mode::Jump(_)) {
        // What is open on top has the attention: the panes behind step back.
        f.buffer_mut().set_style(
            a.main,
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM),
        );
    }
    let main = a.main;
    match app.mode() {
        Mode::Help(h) => h.draw(f, theme, main),
        Mode::Confirm(c) => overlays::confirm::draw(f, theme, c, main),
        Mode::Form(form) => overlays::form::draw(f, theme, form, main),
        Mode::Path(p) => overlays::prompt::draw_path(f, theme, p, main),
        Mode::Import(r) => overlays::import::draw(f, theme, r, main),
        Mode::ImportFile(file) => overlays::prompt::draw_file(f, theme, file, main),
        Mode::Letter(d) => overlays::letter::draw(f, theme, d, main),
        Mode::Hits(h) => overlays::hits::draw(f, theme, h, main),
        Mode::Stats(s) => overlays::stats::draw(f, theme, s, main),
        Mode::Agenda(ag) => overlays::agenda::draw(f, theme, ag, main),
        Mode::Batches(l) => overlays::batch::draw_list(f, theme, l, main),
        Mode::Batch(s) => overlays::batch::draw(f, theme, s, main),
        Mode::Busy(m) => overlays::prompt::draw_busy(f, theme, m, main),
        Mode::Normal | Mode::Search | Mode::Jump(_) => {}
    }
}
