//! The keyboard read from the terminal device itself, byte by byte, on two threads: one blocks
//! in `read` and hands the bytes on; the other parses them, waiting a moment for the rest of
//! a sequence cut by a read. A terminal that goes away (`read` gives 0 bytes or an error) stops
//! the reader instead of spinning.

use std::fs::File;
use std::io::{self, Read};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use super::Input;
use super::keys::Parser;

/// How long the rest of an escape sequence may take to arrive; a lone ESC after it is the Esc
/// key (vim's `ttimeoutlen` is 100 ms; the bytes of one sequence come in one write).
const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(50);

/// Bytes per read: a burst of any size is read in as many reads as it takes.
const CHUNK: usize = 4096;

/// Starts reading keys from the terminal (`/dev/tty`, which is the terminal even when standard
/// input is a pipe) into `tx`.
pub(super) fn read_input(tx: Sender<Input>) -> io::Result<()> {
    let tty = File::open("/dev/tty")?;
    let (bytes_tx, bytes_rx) = mpsc::channel::<Option<Vec<u8>>>();
    thread::spawn(move || read_bytes(tty, &bytes_tx));
    thread::spawn(move || {
        let mut parser = Parser::default();
        loop {
            let received = if parser.waiting() {
                bytes_rx.recv_timeout(SEQUENCE_TIMEOUT)
            } else {
                bytes_rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            let events = match received {
                Ok(Some(bytes)) => parser.feed(&bytes),
                Err(RecvTimeoutError::Timeout) => parser.timeout(),
                // The terminal is gone: leave as on SIGHUP.
                Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                    let _ = tx.send(Input::Stop);
                    return;
                }
            };
            // Answers first: they come right after the questions, before keys typed later
            // in the same read, whose frames they are for.
            let answers = parser.take_answers().into_iter().map(Input::Answer);
            for input in answers.chain(events.into_iter().map(Input::Terminal)) {
                if tx.send(input).is_err() {
                    return;
                }
            }
        }
    });
    Ok(())
}

/// Reads until the terminal closes; `None` then.
fn read_bytes(mut tty: impl Read, tx: &Sender<Option<Vec<u8>>>) {
    let mut buffer = vec![0; CHUNK];
    loop {
        match tty.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                if tx.send(Some(buffer[..n].to_vec())).is_err() {
                    return;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // EIO after a hangup, or anything else: no more keys will come.
            Err(_) => break,
        }
    }
    let _ = tx.send(None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_input_is_said_once_and_reading_stops() {
        let (tx, rx) = mpsc::channel();
        read_bytes(&b"jk"[..], &tx);
        assert_eq!(rx.try_recv(), Ok(Some(b"jk".to_vec())));
        assert_eq!(rx.try_recv(), Ok(None));
        assert!(rx.try_recv().is_err());
    }
}
