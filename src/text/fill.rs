//! Filling a message's placeholders, with the words that agree with a number chosen by
//! each language's rule, and French elision.

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
