use std::os::unix::fs::PermissionsExt;

use super::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::at(dir.path().join("dubao/state.json"));
    (dir, store)
}

#[test]
fn memory_survives_a_round_trip_privately() {
    let (_dir, store) = store();
    let mut memory = Memory::default();
    memory.set("a:1".into(), |m| m.read = true);
    memory.place = Some(Place {
        article: "a:1".into(),
        paragraph: Some(2),
        offset: 30,
        updated: now(),
    });
    store.save(&memory).expect("save");
    assert_eq!(store.load(), (memory, None));
    let mode = fs::metadata(store.path())
        .expect("metadata")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn a_crash_before_the_rename_leaves_the_old_state_whole() {
    let (_dir, store) = store();
    let mut memory = Memory::default();
    memory.set("a:1".into(), |m| m.bookmark = true);
    store.save(&memory).expect("save");
    // A crash after writing the temporary file, before renaming it.
    let temporary = store.path().with_extension("tmp-99999");
    fs::write(&temporary, b"{\"marks\": {\"half").expect("write");
    assert_eq!(store.load().0, memory);
}

#[test]
fn a_corrupt_file_is_moved_aside_with_a_warning() {
    let (dir, store) = store();
    fs::create_dir_all(store.path().parent().expect("parent")).expect("mkdir");
    fs::write(store.path(), b"not json").expect("write");
    let (memory, warning) = store.load();
    assert_eq!(memory, Memory::default());
    assert!(warning.is_some_and(|w| w.contains("moved to")));
    let aside = fs::read_dir(dir.path().join("dubao"))
        .expect("list")
        .filter_map(Result::ok);
    assert!(
        aside
            .into_iter()
            .any(|e| e.file_name().to_string_lossy().contains("corrupt"))
    );
    assert!(!store.path().exists());
}

#[test]
fn two_savers_at_once_lose_no_marks() {
    let (_dir, store) = store();
    let savers: Vec<_> = (0..2)
        .map(|who| {
            let store = store.clone();
            std::thread::spawn(move || {
                for n in 0..25 {
                    let mut memory = Memory::default();
                    memory.set(format!("{who}:{n}"), |m| m.read = true);
                    store.save(&memory).expect("save");
                }
            })
        })
        .collect();
    for saver in savers {
        saver.join().expect("saver");
    }
    assert_eq!(store.load().0.marks.len(), 50);
}

#[test]
fn the_newer_mark_wins_a_merge() {
    let mut old = Memory::default();
    old.set("a:1".into(), |m| m.read = true);
    let mut new = Memory::default();
    new.set("a:1".into(), |m| m.read = false);
    let mut merged = new.clone();
    merged.merge(old.clone());
    assert!(
        !merged.mark("a:1").read,
        "an older mark does not undo a newer one"
    );
    old.merge(new);
    assert!(!old.mark("a:1").read);
}

#[test]
fn two_readers_changing_different_marks_of_one_story_keep_both() {
    let (_dir, store) = store();
    let mut start = Memory::default();
    start.set("a:1".into(), |m| m.bookmark = true);
    store.save(&start).expect("save");
    let (mut one, mut other) = (store.load().0, store.load().0);
    one.set("a:1".into(), |m| m.bookmark = false);
    other.set("a:1".into(), |m| m.read = true);
    store.save(&one).expect("save");
    store.save(&other).expect("save");
    let mark = store.load().0.mark("a:1");
    assert!(!mark.bookmark, "the removed bookmark stays removed");
    assert!(mark.read, "the read mark stays");
}

#[test]
fn a_planted_temporary_link_is_never_written_through_and_litter_is_cleaned() {
    let (dir, store) = store();
    store.save(&Memory::default()).expect("save");
    let target = dir.path().join("victim");
    fs::write(&target, b"precious").expect("write");
    let planted = store
        .path()
        .with_extension(format!("tmp-{}", std::process::id()));
    std::os::unix::fs::symlink(&target, &planted).expect("symlink");
    let litter = store.path().with_extension("tmp-99999");
    fs::write(&litter, b"{\"half").expect("write");
    let mut memory = Memory::default();
    memory.set("a:1".into(), |m| m.read = true);
    store.save(&memory).expect("save");
    assert_eq!(fs::read(&target).expect("read"), b"precious");
    assert!(store.load().0.mark("a:1").read);
    let folder = store.path().parent().expect("folder");
    let left: Vec<_> = fs::read_dir(folder)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(left.is_empty(), "temporaries left: {left:?}");
    let mode = fs::metadata(folder).expect("folder").permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
}

#[test]
fn a_state_path_that_is_no_regular_file_is_refused_naming_it() {
    let (dir, store) = store();
    let folder = store.path().parent().expect("folder");
    fs::create_dir_all(folder).expect("mkdir");
    // A FIFO would hang a plain read: refused without opening it.
    let made = std::process::Command::new("mkfifo")
        .arg(store.path())
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let (memory, warning) = store.load();
    assert_eq!(memory, Memory::default());
    let warning = warning.expect("a warning");
    assert!(
        warning.contains("state.json") && warning.contains("FIFO"),
        "{warning}"
    );
    assert!(store.save(&memory).is_err());
    fs::remove_file(store.path()).expect("rm");
    fs::create_dir(store.path()).expect("mkdir");
    assert!(store.refusal().is_some_and(|r| r.contains("state.json")));
    fs::remove_dir(store.path()).expect("rmdir");
    let target = dir.path().join("elsewhere.json");
    fs::write(&target, b"{}").expect("write");
    std::os::unix::fs::symlink(&target, store.path()).expect("symlink");
    assert!(store.refusal().is_some_and(|r| r.contains("symbolic link")));
    assert!(store.save(&memory).is_err());
    assert_eq!(fs::read(&target).expect("read"), b"{}");
}

#[test]
fn a_mark_never_changed_loses_no_merge_to_its_sibling() {
    let mut read = Memory::default();
    read.set("a:1".into(), |m| m.read = true);
    let mut bookmarked = Memory::default();
    bookmarked.set("a:1".into(), |m| m.bookmark = true);
    read.merge(bookmarked);
    let mark = read.mark("a:1");
    assert!(mark.read && mark.bookmark);
}

#[test]
fn marks_of_older_files_merge_by_their_one_time() {
    let old = r#"{"marks":{"a:1":{"read":true,"bookmark":true,"updated":5}},"place":null}"#;
    let mut memory: Memory = serde_json::from_str(old).expect("an old file");
    let mut newer = Memory::default();
    newer.set("a:1".into(), |m| m.bookmark = true);
    newer.set("a:1".into(), |m| m.bookmark = false);
    memory.merge(newer);
    let mark = memory.mark("a:1");
    assert!(mark.read && !mark.bookmark);
}

#[test]
fn the_older_front_page_marker_reads_as_no_place() {
    let old = r#"{"article":"a:1","paragraph":18446744073709551615,"offset":0,"updated":1}"#;
    let place: Place = serde_json::from_str(old).expect("an old place");
    assert_eq!(place.paragraph, None);
    let new = r#"{"article":"a:1","paragraph":3,"offset":9,"updated":1}"#;
    let place: Place = serde_json::from_str(new).expect("a place");
    assert_eq!((place.paragraph, place.offset), (Some(3), 9));
}

#[test]
fn issue_keys_follow_the_text_not_the_file() {
    let issue = crate::parse::parse("a.txt", "标题\n\n本报讯 正文。\n");
    let moved = crate::parse::parse("elsewhere/b.txt", "标题\n\n本报讯 正文。\n");
    let edited = crate::parse::parse("a.txt", "标题\n\n本报讯 正文改了。\n");
    assert_eq!(issue_key(&issue), issue_key(&moved));
    assert_ne!(issue_key(&issue), issue_key(&edited));
}
