//! Everything the user can ask for, as data. Keys and mouse events become actions
//! (see `keymap` and `input`); `update` applies them.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Enter: open the case, or act on the selected row.
    Open,
    /// Esc: back out to the case list, or clear the search.
    Back,
    /// Add a case, a question or an event, by pane.
    Add,
    /// Edit the selected case, question or event, by pane.
    Edit,
    /// Edit the case itself from any pane.
    EditCase,
    /// Set the selected question's outcome.
    Outcome,
    Delete,
    Undo,
    CycleSort,
    CycleFilter,
    StartSearch,
    StartJump,
    ReviewLetter,
    Import,
    LoadDemo,
    /// Full-text search over everything (letters, notes, request text).
    StartFind,
    /// The statistics view.
    Stats,
    /// The agenda: your move, the authority's.
    Agenda,
    /// Write the reminder to a late authority.
    ChaserLetter,
    /// Snooze (or bring back) a case's reminders that are no deadline.
    Snooze,
    /// The round robin of the selected case (else the list of round robins).
    Batch,
    /// The list of round robins.
    Batches,
    /// In a grid: one column left or right.
    Left,
    Right,
    /// In a round robin's grid: mark or unmark the authority for batch work.
    Mark,
    /// Open the case's next original with the system's opener.
    OpenOriginal,
    /// Write the case's evidence bundle.
    Bundle,

    // The letter overlay.
    /// Write the letter to a file.
    WriteFile,
    /// Copy the letter to the clipboard (OSC 52).
    Copy,
    /// Record the letter as sent today.
    RecordSent,
    /// Show the internal review request.
    ShowReview,
    /// Show the complaint to the Commissioner.
    ShowIco,
    /// Show the reminder to a late authority.
    ShowChaser,
    /// Close an overlay (letter, stats, search hits).
    Close,

    // Overlays and prompts.
    CloseHelp,
    Yes,
    No,
    Accept,
    Cancel,

    /// Tab in a file path: complete it.
    Complete,

    // Forms.
    NextField,
    PrevField,
    ChoiceNext,
    ChoicePrev,
    Save,
    PickerUp,
    PickerDown,
    PickerAdd,

    /// A key typed into the text field that has the cursor.
    Type(KeyEvent),
    Paste(String),
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    /// The terminal changed size: redraw.
    Resize,
}
