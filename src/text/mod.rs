//! Every string the app itself shows, in one catalogue per language ([`fr`], [`en`]).
//! Render code, the app core and the commands take their words from here, never from
//! literals. The catalogue type is generated from one list of names, so a language
//! cannot lack a message (it does not compile) and tests can walk every message.

mod en;
mod fr;
mod lang;

pub use en::EN;
pub use fr::FR;
pub use lang::{Lang, locale_lang};

use jiff::civil::{Date, DateTime};

macro_rules! catalogue {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// The words of the interface in one language.
        pub struct Text {
            /// Month names, January first, as written inside a date.
            pub months: [&'static str; 12],
            /// `--help` of each command and argument by path (`cli/help.rs`); empty
            /// for English, whose help is the doc comments of `cli/args.rs`.
            pub cli_help: &'static [(&'static str, &'static str)],
            $($(#[$doc])* pub $name: &'static str,)*
        }

        impl Text {
            /// Every message with its name, for the completeness tests.
            pub fn messages(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

catalogue! {
    tree_title,
    details_title,
    /// The details pane is cut: how to read on (on its bottom border).
    details_more_below,
    details_more_above,
    progress_title,
    help_title,
    help_mouse,
    /// The help (or completion message) is cut: how to scroll it.
    overlay_more_below,
    overlay_more_above,
    help_close,
    links_title_open,
    links_title_copy,
    links_hint,
    completion_title,
    completion_default,
    completion_close,
    too_small,
    links_heading,
    state_todo,
    state_partial,
    state_all_skipped,
    /// "{state} : {done}/{total}" — punctuation differs between languages.
    state_count,
    ticked_on,
    at_time,
    no_contact,
    mail_subject,
    mail_body,
    no_link,
    no_such_link,
    opened,
    no_browser,
    open_failed,
    refused_url,
    copied,
    copy_failed,
    save_failed,
    state_moved_aside,
    state_read_only,
    merged,
    my_note,
    orphan_ticks,
    orphan_ticks_named,
    new_badge,
    overdue_badge,
    soon_badge,
    due_on,
    cli_start_set,
    cli_pressing,
    all_done,
    reference_card,
    not_tickable,
    cards_count,
    key_space,
    key_digits,
    key_home,
    key_end,
    key_page_up,
    key_page_down,
    key_enter,
    key_esc,
    act_up,
    act_up_help,
    act_down,
    act_down_help,
    act_collapse,
    act_collapse_help,
    act_expand,
    act_expand_help,
    act_first,
    act_first_help,
    act_last,
    act_last_help,
    act_page_up,
    act_page_up_help,
    act_page_down,
    act_page_down_help,
    act_details_down,
    act_details_down_help,
    act_details_up,
    act_details_up_help,
    act_toggle,
    act_toggle_help,
    act_next_todo,
    act_next_todo_help,
    act_undo,
    act_undo_help,
    act_search,
    act_search_help,
    act_prev_match,
    act_prev_match_help,
    search_prompt,
    search_results,
    search_none,
    act_skip,
    act_skip_help,
    skip_prompt,
    act_note,
    act_note_help,
    note_prompt,
    skipped_on,
    skip_reason,
    opened_on,
    undone,
    nothing_to_undo,
    paste_ignored,
    left_in_stage,
    stage_all_ticked,
    act_open,
    act_open_help,
    act_open_link,
    act_open_link_help,
    act_copy,
    act_copy_help,
    act_runs,
    act_runs_help,
    act_ask,
    act_ask_help,
    act_help,
    act_help_help,
    act_quit,
    act_quit_help,
    /// Plain mode (`--plain`): one sentence per line, for screen readers and pipes.
    plain_intro,
    plain_intro_cards,
    plain_hint,
    plain_card_position,
    plain_heading,
    plain_new,
    plain_no_search,
    plain_search_cleared,
    plain_search_none,
    plain_match,
    plain_left,
    plain_left_none,
    plain_no_runs_here,
    plain_no_such_step,
    plain_help_line,
    plain_help_title,
    plain_help_read,
    plain_help_next,
    plain_help_down,
    plain_help_up,
    plain_help_go,
    plain_help_last,
    plain_help_tick,
    plain_help_skip,
    plain_help_note,
    plain_help_undo,
    plain_help_search,
    plain_help_prev_match,
    plain_help_open,
    plain_help_progress,
    plain_help_left,
    plain_help_runs,
    plain_help_ask,
    plain_help_help,
    plain_help_quit,
    plain_position,
    plain_in,
    plain_below,
    plain_warning,
    plain_note,
    plain_my_note,
    plain_link,
    notice_ticked,
    notice_skipped,
    notice_unskipped,
    notice_note_saved,
    notice_note_cleared,
    copy_hint,
    act_save,
    act_confirm,
    act_cancel,
    notice_unticked,
    plain_status,
    plain_stage,
    plain_first,
    plain_last,
    plain_unknown,
    plain_bye,
    completed,
    plain_no_runs,
    plain_pick,
    /// Commands without the full-screen interface, and their errors.
    cli_group,
    cli_total,
    cli_new_mark,
    cli_note,
    cli_unknown_id,
    cli_unknown_id_close,
    cli_ticked,
    cli_unticked,
    cli_skipped,
    cli_unskipped,
    cli_calendar_written,
    cli_export_written,
    cli_reset_question,
    cli_nothing_changed,
    cli_reset_done,
    cli_reset_nothing,
    cli_yes_no,
    cli_pack_new,
    cli_pack_installed,
    cli_pack_updated,
    cli_pack_used,
    cli_pack_remove_question,
    cli_pack_removed,
    cli_warning,
    cli_valid,
    cli_invalid_count,
    cli_link_redirected,
    cli_link_dead,
    cli_link_no_answer,
    cli_link_line,
    cli_links_checked,
    md_pack,
    md_done,
    md_group_header,
    md_steps,
    md_ticked,
    md_report_header,
    md_never,
    md_stale,
    md_most_open,
    report_title,
    report_generated,
    report_quiet_after,
    report_versions,
    report_version,
    report_unread,
    report_duplicates,
    report_duplicate,
    report_remarks,
    unread_io,
    unread_too_big,
    unread_markdown,
    unread_not_json,
    unread_not_export,
    unread_newer,
    html_lang,
    report_who_where,
    report_col_mentor,
    report_col_version,
    report_col_total,
    report_col_last_tick,
    report_chart,
    report_chart_line,
    report_grid,
    report_col_step,
    report_col_count,
    report_col_who,
    report_state_done,
    report_state_skipped,
    report_state_todo,
    report_state_partial,
    report_no_stage,
    report_quiet,
    report_most_open,
    fail_no_state_dir,
    fail_read_only,
    fail_output,
    fail_note_too_long,
    fail_exists,
    fail_not_done,
    publish_failed,
    publish_on,
    publish_off,
    publish_status_on,
    publish_status_off,
    ask_name,
    fail_no_folder,
    fail_needs_name,
    fail_write,
    fail_unread,
    report_unread_line,
    fail_needs_yes,
    fail_no_such_link,
    fail_open,
    fail_unknown_pack,
    /// The NAME heading of a manual page.
    man_name,
    /// The manual a page belongs to, in its header.
    man_manual,
    fail_builtin,
    fail_builtin_id,
    fail_system_pack,
    fetch_bad_url,
    fetch_insecure,
    fetch_unreachable,
    fetch_timeout,
    fetch_status_gone,
    fetch_status_refused,
    fetch_status_server,
    fetch_status_other,
    fetch_too_large,
    fetch_redirects,
    cli_pack_identical,
    cli_pack_reworked,
    cli_pack_downgraded,
    cli_pack_up_to_date,
    cli_pack_not_from_url,
    cli_pack_none_from_url,
    fail_downgrade,
    fail_sha256_bad,
    fail_sha256_mismatch,
    fail_sha256_local,
    fail_not_updated,
    change_added,
    change_removed,
    change_renamed,
    change_same_steps,
    change_ticks,
    change_kept,
    change_moved,
    change_lost,
    change_orphaned,
    list_builtin,
    list_from_file,
    list_from_url,
    list_system,
    list_system_problem,
    notice_default_problem,
    fail_unsaved,
    fail_terminal,
    fail_input,
    fail_run_needed,
    fail_unknown_run,
    fail_not_repeatable,
    no_runs_yet,
    no_runs,
    picker_title,
    picker_runs,
    picker_all_runs,
    picker_empty,
    picker_new_name,
    picker_rename_name,
    picker_open,
    picker_new,
    picker_rename,
    picker_archive,
    picker_unarchive,
    picker_archived,
    picker_unarchived,
    picker_show_archived,
    run_title,
    run_exists,
    run_started,
    run_renamed,
    run_archived,
    run_unarchived,
    run_line,
    run_archived_mark,
    fail_no_match,
    /// The keymap file (`keymap/file.rs`).
    keymap_too_big,
    keymap_not_utf8,
    keymap_shape,
    keymap_unknown_action,
    keymap_no_key,
    keymap_digit,
    keymap_control,
    keymap_unknown_key,
    keymap_conflict,
    keymap_no_key_left,
    /// Link targets refused (`pack/url.rs`) and pack problems (`pack/validate.rs`).
    url_empty,
    url_too_long,
    url_dash,
    url_spaces,
    url_no_host,
    url_mailto,
    url_scheme,
    pv_version_empty,
    pv_lang_empty,
    pv_title_empty,
    pv_no_stages,
    pv_due_stage,
    pv_renamed_missing,
    pv_renamed_still,
    pv_too_long,
    pv_pack_id,
    pv_id_empty,
    pv_id_word,
    pv_duplicate,
    pv_too_many_links,
    pv_label_empty,
    pv_bad_url,
    pv_bare_url,
    pv_repeated_url,
    pv_too_many_steps,
    pv_title_step_empty,
    pv_info_level,
    pv_info_items,
    pv_info_details,
    pv_placeholder,
    pv_example_link,
    /// The YAML parser's own messages (`pack/parser_words.rs`).
    ym_at,
    ym_line_column,
    ym_missing_field,
    ym_unknown_field,
    ym_expected_key,
    ym_mapping_values,
    ym_bad_character,
    ym_expected_dash,
    ym_tab,
    ym_end,
    /// YAML layout mistakes (`pack/layout.rs`).
    yl_tab,
    yl_no_space,
    yl_no_colon,
    yl_quote,
    yl_indent,
    pv_contact_name,
    pv_contact_empty,
    pv_contact_email,
    pv_contact_url,
    pv_only_title,
    pv_info_due,
    pv_due_days,
    pv_due_after,
    pv_parts_and_items,
    pv_no_steps,
    pv_no_steps_stage,
    pv_item_parts,
    pv_subitem_items,
    pv_too_big,
    pv_not_utf8,
    pv_unplaced,
    pv_cannot_read,
    clap_help,
    clap_version,
    clap_commands,
    clap_template,
}

impl Text {
    /// "22 November 2026" / "22 novembre 2026", month names from the catalogue.
    pub fn date(&self, at: Date) -> String {
        let month = usize::try_from(at.month() - 1)
            .ok()
            .and_then(|m| self.months.get(m))
            .copied()
            .unwrap_or_default();
        format!("{} {month} {}", at.day(), at.year())
    }

    /// "22 novembre 2026 à 14:03".
    pub fn date_time(&self, at: DateTime) -> String {
        format!(
            "{} {} {:02}:{:02}",
            self.date(at.date()),
            self.at_time,
            at.hour(),
            at.minute()
        )
    }
}

/// Fills a message: `{name}` with its value. The words that agree with a number are
/// chosen in the message itself, by the rule of its language: `{count:step|steps}` by
/// the English one (singular for 1), `{count:fr:étape|étapes}` by the French one
/// (singular for 0 and 1). `{name:fr-de}` is "de Bob" or, elided, "d'Alice". A
/// placeholder with no value is left as it is (clap's own, in `clap_template`). A value
/// that ends a sentence itself ("…pourquoi ?") takes the place of the message's full stop.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let value = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            break;
        };
        let inner = &after[..end];
        let (name, choice) = inner.split_once(':').unwrap_or((inner, ""));
        rest = &after[end + 1..];
        match (value(name), choice) {
            (Some(v), "") => {
                out.push_str(v);
                // "Ticked: Why join Slack?." reads "Ticked: Why join Slack?".
                if v.ends_with(['?', '!', '.', '…']) && rest.starts_with('.') {
                    rest = &rest[1..];
                }
            }
            (Some(v), "fr-de") => out.push_str(&french_de(v)),
            (Some(v), forms) => {
                let (french, forms) = match forms.strip_prefix("fr:") {
                    Some(forms) => (true, forms),
                    None => (false, forms),
                };
                let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
                let n = v.trim().parse::<u64>().ok();
                let singular = match n {
                    Some(n) if french => n <= 1,
                    Some(n) => n == 1,
                    None => false,
                };
                out.push_str(if singular { one } else { other });
            }
            (None, _) => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
    }
    out.push_str(rest);
    out
}

/// "de" before `word`, elided before a vowel or a mute h as French writes it.
fn french_de(word: &str) -> String {
    let elides = word
        .chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| "aàâäeéèêëiîïoôöuùûüyÿhæœ".contains(c));
    if elides {
        format!("d'{word}")
    } else {
        format!("de {word}")
    }
}

#[cfg(test)]
mod tests;
