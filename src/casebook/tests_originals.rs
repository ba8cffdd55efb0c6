//! Originals survive the deletes that undo can take back: a case deleted and undone has
//! them again, byte for byte; an event deleted leaves them on the case.

use super::{Casebook, NewCase, test_book};
use crate::domain::{Event, EventKind};
use crate::store::{AttachmentReads, NewAttachment};
use chrono::NaiveDate;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, d).expect("date")
}

/// A case sent on 1 March with a response on 20 March; returns (case, response event).
fn case_with_response(book: &mut Casebook, title: &str) -> (i64, i64) {
    let case = book
        .add_case(NewCase {
            title: title.into(),
            authority: "Testshire County Council".into(),
            sent: Some(day(1)),
            ..NewCase::default()
        })
        .expect("case");
    let event = book
        .add_event(case, Event::new(EventKind::Response, day(20)))
        .expect("event");
    (case, event)
}

/// Keep `bytes` as an original of `case` (on `event`), as an import does.
fn keep(book: &mut Casebook, case: i64, event: Option<i64>, name: &str, bytes: &[u8]) -> String {
    let sha = crate::domain::attachment::sha256_hex(bytes);
    book.store
        .write(|w| -> crate::store::Result<i64> {
            w.put_blob(&sha, bytes)?;
            w.insert_attachment(&NewAttachment {
                case_id: case,
                event_id: event,
                name,
                media_type: "application/pdf",
                sha256: &sha,
                message_id: Some("<reply@testshire.example>"),
            })
        })
        .expect("attached");
    sha
}

#[test]
fn undoing_a_case_deletion_brings_its_originals_back_byte_for_byte() {
    let mut book = test_book();
    let (case, event) = case_with_response(&mut book, "Road gritting");
    let (other, _) = case_with_response(&mut book, "Library hours");
    let only_here = keep(
        &mut book,
        case,
        Some(event),
        "reply.pdf",
        b"%PDF-1.4 only here",
    );
    let shared = keep(&mut book, case, None, "annex.pdf", b"%PDF-1.4 shared");
    keep(&mut book, other, None, "annex.pdf", b"%PDF-1.4 shared");
    let before = book.attachments(case).expect("list");
    assert_eq!(before.len(), 2);

    book.delete_case(case).expect("delete");
    assert!(book.attachments(case).is_err(), "the case is gone");
    // The content only this case kept went with it; the shared one stays for the other.
    assert!(!book.store.blob_exists(&only_here).expect("read"));
    assert!(book.store.blob_exists(&shared).expect("read"));

    book.undo().expect("undo").expect("something undone");
    let after = book.attachments(case).expect("list");
    assert_eq!(after, before, "the same originals, ids, events and hashes");
    let bytes = book.attachment_bytes(&after[0]).expect("bytes");
    assert_eq!(bytes, b"%PDF-1.4 only here");
    assert_eq!(crate::domain::attachment::sha256_hex(&bytes), only_here);
    assert_eq!(book.attachments(other).expect("list").len(), 1);
    // A mail imported again is still recognised by its Message-ID.
    assert_eq!(
        book.store
            .message_seen("<reply@testshire.example>")
            .expect("read")
            .map(|(c, _)| c),
        Some(case)
    );
}

#[test]
fn deleting_an_event_keeps_its_originals_on_the_case_and_undo_links_them_again() {
    let mut book = test_book();
    let (case, event) = case_with_response(&mut book, "Road gritting");
    keep(&mut book, case, Some(event), "reply.pdf", b"%PDF-1.4 reply");
    assert_eq!(book.originals_on_event(case, event).expect("count"), 1);

    assert_eq!(book.delete_event(case, event).expect("delete"), 1);
    let kept = book.attachments(case).expect("list");
    assert_eq!(kept.len(), 1, "the original stays with the case");
    assert_eq!(kept[0].event, None);
    assert_eq!(
        book.attachment_bytes(&kept[0]).expect("bytes"),
        b"%PDF-1.4 reply"
    );
    // A later event must not inherit it, even if it reuses the deleted event's id.
    book.add_event(case, Event::new(EventKind::Response, day(22)))
        .expect("event");
    assert_eq!(book.attachments(case).expect("list")[0].event, None);
    book.undo().expect("undo the new event");
    book.undo().expect("undo the deletion");
    let back = book.attachments(case).expect("list");
    assert_eq!(back[0].event, Some(event), "linked to its event again");
}

#[test]
fn deleting_an_event_without_originals_says_none_were_kept() {
    let mut book = test_book();
    let (case, event) = case_with_response(&mut book, "Road gritting");
    assert_eq!(book.delete_event(case, event).expect("delete"), 0);
    assert_eq!(super::originals_kept(0), "");
    assert_eq!(
        super::originals_kept(2),
        "; its 2 originals stay with the case"
    );
}
