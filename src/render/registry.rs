//! `briefing actors`: the discovered actors as YAML, ready to paste under `actors:` in
//! `briefing.yaml` and edit.

use crate::assemble::Briefing;

/// The actors of `briefing` as a YAML document with one `actors:` list.
pub fn actors_yaml(briefing: &Briefing, seeds: &str) -> String {
    let mut yaml = format!(
        "# {} actors discovered in {seeds}, most mentioned first.\n\
         # Paste the ones to keep under `actors:` in briefing.yaml and edit them: the registry\n\
         # wins over discovery (name, kind, aliases, roles; add description and url if you like).\n\
         actors:\n",
        briefing.actors.len()
    );
    for actor in &briefing.actors {
        yaml.push_str(&format!(
            "  - name: {}  # {} mention{} in {} source{}\n    kind: {}\n",
            quoted(&actor.name),
            actor.mentions,
            if actor.mentions == 1 { "" } else { "s" },
            actor.sources.len(),
            if actor.sources.len() == 1 { "" } else { "s" },
            actor.kind,
        ));
        for (key, values) in [("aliases", &actor.aliases), ("roles", &actor.roles)] {
            if !values.is_empty() {
                let items: Vec<String> = values.iter().map(|v| quoted(v)).collect();
                yaml.push_str(&format!("    {key}: [{}]\n", items.join(", ")));
            }
        }
    }
    yaml
}

/// A YAML double-quoted scalar: JSON's string syntax is valid YAML.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_yaml() {
        let value: serde_yaml::Value =
            serde_yaml::from_str(&format!("name: {}", quoted("Putin's \"aide\": #1"))).unwrap();
        assert_eq!(value["name"].as_str(), Some("Putin's \"aide\": #1"));
    }
}
