//! Each mistake a manager makes, where it is, and what the message says.

use super::*;
use crate::text::{EN, FR};

const GOOD: &str = "id: t
version: \"1\"
lang: en
title: T
stages:
  - id: s
    title: Stage
    items:
      - id: a
        title: A
        details: Some text
          that goes on
      - id: b
        title: B
        details: |
          Lines: of text
           anyhow
        links:
          - label: L
            url: https://openclassrooms.com
";

fn with(line: usize, replacement: &str) -> String {
    let mut lines: Vec<&str> = GOOD.lines().collect();
    lines[line - 1] = replacement;
    lines.join("\n") + "\n"
}

#[test]
fn a_well_laid_out_pack_has_no_mistake() {
    assert_eq!(diagnose(GOOD, &EN), None);
}

#[test]
fn a_key_one_space_off_its_siblings_is_named_with_the_fix() {
    let under = diagnose(&with(14, "       title: B"), &EN).unwrap();
    assert_eq!((under.line, under.column), (14, 8));
    assert_eq!(
        under.message,
        "`title` is indented by 7 spaces where `id` on line 13 has 8: align it with `id`"
    );
    let over = diagnose(&with(10, "         title: A"), &FR).unwrap();
    assert_eq!((over.line, over.column), (10, 10));
    assert_eq!(
        over.message,
        "`title` est indenté de 9 espaces alors que `id` à la ligne 9 l'est de 8 : alignez-le sur `id`"
    );
    let details = diagnose(&with(11, "           details: Some text"), &EN).unwrap();
    assert_eq!((details.line, details.column), (11, 12));
}

#[test]
fn tabs_colons_and_values_that_need_quotes() {
    let tab = diagnose(&with(10, "\t\ttitle: A"), &EN).unwrap();
    assert_eq!((tab.line, tab.column), (10, 1));
    assert!(tab.message.contains("tab"), "{}", tab.message);
    let no_space = diagnose(&with(10, "        title:A"), &EN).unwrap();
    assert_eq!((no_space.line, no_space.column), (10, 14));
    assert!(
        no_space.message.contains("a space after the colon"),
        "{}",
        no_space.message
    );
    let no_colon = diagnose(&with(10, "        title A"), &FR).unwrap();
    assert_eq!((no_colon.line, no_colon.column), (10, 14));
    assert!(
        no_colon.message.contains("deux-points"),
        "{}",
        no_colon.message
    );
    let quotes = diagnose(&with(10, "        title: Stage 1: before you start"), &EN).unwrap();
    assert_eq!((quotes.line, quotes.column), (10, 23));
    assert!(quotes.message.contains("quotes"), "{}", quotes.message);
}

#[test]
fn a_list_item_at_the_wrong_level() {
    let item = diagnose(&with(13, "     - id: b"), &EN).unwrap();
    assert_eq!((item.line, item.column), (13, 6));
    assert!(
        item.message.starts_with("`id` is indented by 5 spaces"),
        "{}",
        item.message
    );
}
