//! The terminal is always given back (issue 15): the real binary in a pseudo-terminal of its
//! own (`pty_driver.py`, Python's `pty` module), stopped by each signal, suspended from outside, left
//! by its terminal without a SIGHUP, and fed bursts and malformed sequences. Skipped, with a
//! message, where `python3` is missing. Every wait has a deadline; no elapsed time is asserted.

use std::process::Command;

use serde_json::{Value, json};

const DRIVER: &str = include_str!("pty_driver.py");

/// The first frame has been drawn: the status line's hint (`? 帮助`) is on screen.
const FRAME: &str = "帮助";

/// Runs dubao (the built-in sample issue) under the driver; `None` when python3 is missing.
fn drive(leader: bool, steps: &[(&str, &str)]) -> Option<Vec<Value>> {
    // No width probe: nobody answers it here.
    drive_with("ambiguous_width = \"narrow\"\n", leader, steps)
}

/// [`drive`] with this configuration file.
fn drive_with(config: &str, leader: bool, steps: &[(&str, &str)]) -> Option<Vec<Value>> {
    drive_in(config, &json!({}), leader, steps)
}

/// [`drive_with`], with these variables added to the environment.
fn drive_in(config: &str, env: &Value, leader: bool, steps: &[(&str, &str)]) -> Option<Vec<Value>> {
    let has_python = Command::new("python3")
        .args(["-c", "import pty, termios"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_python {
        eprintln!("python3 is not installed: pty test skipped");
        return None;
    }
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(home.path().join("dubao")).expect("config folder");
    std::fs::write(home.path().join("dubao/config.toml"), config).expect("config");
    let dir = home.path().display().to_string();
    let mut vars = json!({
        "XDG_CONFIG_HOME": dir, "XDG_DATA_HOME": dir, "XDG_CACHE_HOME": dir,
        "TERM": "xterm-256color", "LANG": "C.UTF-8",
    });
    if let (Some(vars), Some(extra)) = (vars.as_object_mut(), env.as_object()) {
        vars.extend(extra.clone());
    }
    let spec = json!({
        "argv": [env!("CARGO_BIN_EXE_dubao")],
        "env": vars,
        "leader": leader,
        "steps": steps.iter().map(|(name, arg)| json!([name, arg])).collect::<Vec<_>>(),
    });
    let out = Command::new("python3")
        .args(["-c", DRIVER, &spec.to_string()])
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "driver: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("the driver's JSON"))
}

/// The result of the step named `name` (the last one of that name).
#[track_caller]
fn step<'a>(results: &'a [Value], name: &str) -> &'a Value {
    results
        .iter()
        .rev()
        .find(|r| r["step"] == name)
        .unwrap_or_else(|| panic!("no {name} step in {results:#?}"))
}

/// The program has ended and left the terminal as it found it.
#[track_caller]
fn ended_restored(results: &[Value]) {
    let exit = step(results, "exit");
    assert_eq!(exit["ok"], true, "still running: {results:#?}");
    assert_eq!(exit["icanon"], true, "left in raw mode: {results:#?}");
    assert_eq!(exit["alternate"], false, "left on the alternate screen");
    assert_eq!(exit["cursor_shown"], true, "left the cursor hidden");
}

#[track_caller]
fn a_signal_restores_the_terminal(signal: &str) {
    let Some(results) = drive(false, &[("wait", FRAME), ("signal", signal), ("exit", "")]) else {
        return;
    };
    ended_restored(&results);
    eprintln!(
        "SIG{signal}: gone in {} s",
        step(&results, "exit")["seconds"]
    );
}

/// A panic (made on the first input by a variable debug builds read) gives the terminal back,
/// and the process ends with a panic's status.
#[test]
fn a_panic_restores_the_terminal() {
    if !cfg!(debug_assertions) {
        eprintln!("a release build never panics on request: test skipped");
        return;
    }
    let env = json!({"DUBAO_TEST_PANIC": "1"});
    let steps = [("wait", FRAME), ("send", "j"), ("exit", "")];
    let Some(results) = drive_in("ambiguous_width = \"narrow\"\n", &env, false, &steps) else {
        return;
    };
    ended_restored(&results);
    let exit = step(&results, "exit");
    assert_eq!(exit["status"], 101, "{exit:#?}");
}

#[test]
fn sigint_from_outside_restores_the_terminal() {
    a_signal_restores_the_terminal("INT");
}

#[test]
fn sigterm_sighup_and_sigquit_restore_the_terminal() {
    for signal in ["TERM", "HUP", "QUIT"] {
        a_signal_restores_the_terminal(signal);
    }
}

#[test]
fn sigtstp_from_outside_gives_the_terminal_back_and_sigcont_takes_it_again() {
    let Some(results) = drive(
        false,
        &[
            ("wait", FRAME),
            ("signal", "TSTP"),
            ("stopped", ""),
            ("mark", ""),
            ("signal", "CONT"),
            ("wait", "\x1b[?1049h"),
            ("wait", FRAME),
            ("state", "raw"),
            ("send", "Q"),
            ("exit", ""),
        ],
    ) else {
        return;
    };
    let stopped = step(&results, "stopped");
    assert_eq!(stopped["ok"], true, "not stopped: {results:#?}");
    assert_eq!(stopped["icanon"], true, "stopped in raw mode: {results:#?}");
    assert_eq!(
        stopped["alternate"], false,
        "stopped on the alternate screen"
    );
    let resumed = step(&results, "state");
    assert_eq!(resumed["icanon"], false, "not raw again: {results:#?}");
    assert_eq!(resumed["alternate"], true);
    ended_restored(&results);
    assert_eq!(step(&results, "exit")["status"], 0);
}

/// Frames are wrapped in synchronized updates (DEC mode 2026) once the terminal answers the
/// question dubao asks at start that it knows them, and not before: a terminal that does not
/// know the mode is not sent its sixteen bytes a frame.
#[test]
fn frames_are_synchronized_once_the_terminal_answers_that_it_can() {
    let Some(results) = drive(
        false,
        &[
            ("wait", "\x1b[?2026$p"),
            ("wait", FRAME),
            ("mark", ""),
            ("send", "j"),
            ("absent", "\x1b[?2026h"),
            // The answer and a key in one read: the key's frame is synchronized already.
            ("mark", ""),
            ("send", "\x1b[?2026;2$yj"),
            ("wait", "\x1b[?2026h"),
            ("send", "Q"),
            ("exit", ""),
        ],
    ) else {
        return;
    };
    assert_eq!(step(&results, "absent")["ok"], true, "{results:#?}");
    assert_eq!(step(&results, "wait")["ok"], true, "{results:#?}");
    ended_restored(&results);
}

/// The width probe asks and goes on: the first frame does not wait for an answer, a key typed
/// before it is not lost, and an answer that the glyph took two cells makes the masthead's
/// separator ASCII (the middle dot is ambiguous).
#[test]
fn the_width_probe_waits_for_nothing_and_loses_no_key() {
    let auto = "ambiguous_width = \"auto\"\n";
    // Unanswered: `Q` typed at once quits.
    let Some(results) = drive_with(
        auto,
        false,
        &[("wait", "\x1b[6n"), ("send", "Q"), ("exit", "")],
    ) else {
        return;
    };
    ended_restored(&results);
    assert_eq!(step(&results, "exit")["status"], 0);
    // Answered: wide.
    let Some(results) = drive_with(
        auto,
        false,
        &[
            ("wait", "\x1b[6n"),
            ("wait", FRAME),
            ("mark", ""),
            ("send", "\x1b[2;3R"),
            ("wait", " 读报 - "),
            ("send", "Q"),
            ("exit", ""),
        ],
    ) else {
        return;
    };
    assert_eq!(step(&results, "wait")["ok"], true, "{results:#?}");
    ended_restored(&results);
}

#[test]
fn the_terminal_closing_without_a_sighup_ends_the_program() {
    let Some(results) = drive(true, &[("wait", FRAME), ("close", ""), ("exit", "")]) else {
        return;
    };
    let exit = step(&results, "exit");
    assert_eq!(exit["ok"], true, "still running (spinning?): {results:#?}");
    eprintln!("pty closed: gone in {} s", exit["seconds"]);
}

#[test]
fn ctrl_c_quits() {
    let Some(results) = drive(false, &[("wait", FRAME), ("send", "\x03"), ("exit", "")]) else {
        return;
    };
    ended_restored(&results);
    assert_eq!(step(&results, "exit")["status"], 0);
}

#[test]
fn a_burst_of_keys_is_read_to_its_end() {
    // `z` is bound to nothing: 3,000 of them, then quit, in one write.
    let burst = "z".repeat(3000) + "Q";
    let Some(results) = drive(false, &[("wait", FRAME), ("send", &burst), ("exit", "")]) else {
        return;
    };
    ended_restored(&results);
}

#[test]
fn a_stray_mouse_prefix_swallows_no_key() {
    // `ESC [ <` with nothing after it for a while, then `Q`; and the same in one write with
    // Ctrl-C after it.
    for steps in [
        [("send", "\x1b[<"), ("sleep", "0.3"), ("send", "Q")],
        [("send", "\x1b[<\x03"), ("sleep", "0"), ("sleep", "0")],
    ] {
        let mut all = vec![("wait", FRAME)];
        all.extend(steps);
        all.push(("exit", ""));
        let Some(results) = drive(false, &all) else {
            return;
        };
        ended_restored(&results);
    }
}
