//! A selection in a list with the window of rows that shows it.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

impl Scroll {
    /// Move by `delta` rows within a list of `len`, stopping at the ends.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            *self = Scroll::default();
            return;
        }
        let max = len - 1;
        self.selected = self.selected.saturating_add_signed(delta).min(max);
    }

    pub fn top(&mut self) {
        self.selected = 0;
    }

    pub fn bottom(&mut self, len: usize) {
        self.selected = len.saturating_sub(1);
    }

    /// Keep the selection inside a list of `len`.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }

    /// Scroll the window (`rows` items tall) as little as needed to show the selection.
    pub fn ensure_visible(&mut self, rows: usize, len: usize) {
        let rows = rows.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        // No empty space at the bottom while rows above are hidden.
        self.offset = self.offset.min(len.saturating_sub(rows));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_follows_selection() {
        let mut s = Scroll::default();
        s.move_by(7, 10);
        s.ensure_visible(3, 10);
        assert_eq!((s.selected, s.offset), (7, 5));
        s.move_by(-100, 10);
        s.ensure_visible(3, 10);
        assert_eq!((s.selected, s.offset), (0, 0));
        s.bottom(10);
        s.ensure_visible(3, 10);
        assert_eq!(s.offset, 7);
        s.move_by(1, 0);
        assert_eq!(s, Scroll::default());
    }
}
