// Reader for the golden segmentation suite (`tests/golden/segment/cases.txt`), shared by the
// unit test in `src/segment/tests.rs` and the comparison bench in `bench/segment/` through
// `include!`. Plain std only.
//
// Format: a case starts with `=== <category> | <name>`; the input follows verbatim up to a
// line `---`; then one expected sentence per line until the next `===`. In expected lines
// `\n` stands for a line break inside the sentence and `\\` for a backslash. A sentence may
// be prefixed by its flags, `[q]` (in_quote), `[a]` (attributed), `[qa]` (both) or `[-]`
// (neither); in a case that gives flags every sentence has them, and they are checked.
// Blank lines and lines starting with `#` are ignored outside inputs.

/// One expected sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldenSentence {
    /// Exact text of the sentence.
    pub text: String,
    /// `(in_quote, attributed)`, when the case checks flags.
    pub flags: Option<(bool, bool)>,
}

/// One golden case.
#[derive(Debug, Clone)]
pub struct GoldenCase {
    /// Category from the issue (abbreviations, numbers, ...).
    pub category: String,
    /// Short name of the case.
    pub name: String,
    /// Input text.
    pub input: String,
    /// Expected sentences, in order.
    pub expected: Vec<GoldenSentence>,
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('\\') => out.push('\\'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_expected(line: &str) -> GoldenSentence {
    let flags = [("[qa] ", (true, true)), ("[q] ", (true, false)), ("[a] ", (false, true)), ("[-] ", (false, false))];
    for (prefix, f) in flags {
        if let Some(rest) = line.strip_prefix(prefix) {
            return GoldenSentence { text: unescape(rest), flags: Some(f) };
        }
    }
    GoldenSentence { text: unescape(line), flags: None }
}

/// Parse the suite; panics with the line number on a malformed file.
pub fn parse_golden(src: &str) -> Vec<GoldenCase> {
    let mut cases: Vec<GoldenCase> = Vec::new();
    let mut lines = src.lines().enumerate().peekable();
    while let Some((no, line)) = lines.next() {
        let Some(head) = line.strip_prefix("=== ") else {
            assert!(
                line.trim().is_empty() || line.starts_with('#'),
                "golden line {}: expected `=== category | name`, found {line:?}",
                no + 1
            );
            continue;
        };
        let (category, name) = head
            .split_once(" | ")
            .unwrap_or_else(|| panic!("golden line {}: header needs `category | name`", no + 1));
        let mut input: Vec<&str> = Vec::new();
        let mut closed = false;
        for (_, l) in lines.by_ref() {
            if l == "---" {
                closed = true;
                break;
            }
            input.push(l);
        }
        assert!(closed, "golden case {name:?} (line {}): no `---` line", no + 1);
        let mut expected = Vec::new();
        while let Some(&(_, l)) = lines.peek() {
            if l.starts_with("=== ") {
                break;
            }
            lines.next();
            if l.trim().is_empty() || l.starts_with('#') {
                continue;
            }
            expected.push(parse_expected(l));
        }
        let with_flags = expected.iter().filter(|e| e.flags.is_some()).count();
        assert!(
            with_flags == 0 || with_flags == expected.len(),
            "golden case {name:?}: flags on some sentences but not all"
        );
        assert!(!expected.is_empty(), "golden case {name:?}: no expected sentence");
        cases.push(GoldenCase {
            category: category.trim().to_string(),
            name: name.trim().to_string(),
            input: input.join("\n"),
            expected,
        });
    }
    cases
}

/// Compare actual sentences (text, in_quote, attributed) with a case; `None` when it
/// passes, else a description of the first difference. With `check_flags == false` only
/// the texts are compared.
pub fn golden_diff(case: &GoldenCase, actual: &[(String, bool, bool)], check_flags: bool) -> Option<String> {
    let texts: Vec<&str> = actual.iter().map(|a| a.0.as_str()).collect();
    let want: Vec<&str> = case.expected.iter().map(|e| e.text.as_str()).collect();
    if texts != want {
        return Some(format!("expected {want:#?}\n     got {texts:#?}"));
    }
    if check_flags {
        for (e, a) in case.expected.iter().zip(actual) {
            if let Some((q, at)) = e.flags {
                if (q, at) != (a.1, a.2) {
                    return Some(format!(
                        "flags of {:?}: expected in_quote={q} attributed={at}, got in_quote={} attributed={}",
                        e.text, a.1, a.2
                    ));
                }
            }
        }
    }
    None
}
