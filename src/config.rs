//! `briefing.yaml`: the optional project configuration, and the base URL the site is
//! published under.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::annotate::RegistryActor;
use crate::diagnostic::{Diagnostic, Position};

/// The keys of `briefing.yaml`. Every key is optional; an unknown key is an error, so that a
/// typo does not pass unnoticed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Title of the briefing (default: the first source's title).
    pub title: Option<String>,
    /// A paragraph on the overview page and in the description meta tag.
    pub description: Option<String>,
    /// The address the site is published at (see [`BaseUrl`]).
    pub base_url: Option<String>,
    /// The seeds folder, relative to the configuration file.
    pub seeds: Option<PathBuf>,
    /// The output folder, relative to the configuration file.
    pub output: Option<PathBuf>,
    /// Actors the user describes: they win over what is discovered.
    #[serde(default)]
    pub actors: Vec<RegistryActor>,
}

impl Config {
    /// Reads the configuration at `path`. Relative folders in it are made relative to the
    /// folder holding the file.
    pub fn load(path: &Path) -> Result<Config, Diagnostic> {
        let text = fs::read_to_string(path).map_err(|e| {
            Diagnostic::error(path, format!("cannot read the configuration: {e}"))
                .hint("check the path given to --config")
        })?;
        let mut config = Config::parse(&text).map_err(|(message, at)| {
            Diagnostic::error(path, message).at(at).hint(
                "briefing.yaml takes the keys title, description, base_url, seeds, output and \
                 actors (each with name, kind, aliases, roles, description, url); see README.md",
            )
        })?;
        let dir = path.parent().unwrap_or(Path::new(""));
        config.seeds = config.seeds.map(|p| dir.join(p));
        config.output = config.output.map(|p| dir.join(p));
        Ok(config)
    }

    /// Parses the text of a configuration file.
    pub fn parse(text: &str) -> Result<Config, (String, Position)> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        serde_yaml::from_str(text).map_err(|e| {
            let at = e.location().map_or(Position::START, |l| Position {
                line: l.line(),
                column: l.column(),
            });
            let mut message = e.to_string();
            if let Some(cut) = message.find(" at line ") {
                message.truncate(cut);
            }
            (message, at)
        })
    }
}

/// Where the site is published: `/` (the default), a path such as `/my-briefing/`, or an
/// absolute URL such as `https://example.github.io/my-briefing/`. Always ends with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

impl Default for BaseUrl {
    fn default() -> Self {
        BaseUrl("/".to_string())
    }
}

impl BaseUrl {
    /// Checks and normalises a base URL given by the user.
    pub fn parse(text: &str) -> Result<BaseUrl, String> {
        let text = text.trim();
        let absolute = text.starts_with("https://") || text.starts_with("http://");
        if !(absolute || text.starts_with('/')) {
            return Err(format!(
                "`{text}` is not a base URL: give a path that starts with `/` (such as \
                 `/my-briefing/`) or an address that starts with `https://`"
            ));
        }
        if text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c))
        {
            return Err(format!(
                "`{text}` is not a base URL: it has spaces or quote marks in it"
            ));
        }
        let mut url = text.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(BaseUrl(url))
    }

    /// The URL with its trailing `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it names scheme and host, so that links built on it work from anywhere.
    pub fn is_absolute(&self) -> bool {
        self.0.starts_with("http://") || self.0.starts_with("https://")
    }

    /// The path part, such as `/my-briefing/`.
    pub fn path(&self) -> &str {
        if !self.is_absolute() {
            return &self.0;
        }
        let after_scheme = self.0.find("://").map_or(0, |i| i + 3);
        self.0[after_scheme..]
            .find('/')
            .map_or("/", |i| &self.0[after_scheme + i..])
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read() {
        let c = Config::parse("title: Talks\nbase_url: /b/\nseeds: sources\n").unwrap();
        assert_eq!(c.title.as_deref(), Some("Talks"));
        assert_eq!(c.seeds, Some(PathBuf::from("sources")));
    }

    #[test]
    fn unknown_keys_and_wrong_types_name_their_line() {
        let (message, at) = Config::parse("title: x\ntitel: y\n").unwrap_err();
        assert!(message.contains("unknown field `titel`"), "{message}");
        assert_eq!(at.line, 2);
        let (message, at) = Config::parse("title: x\nseeds: [a, b]\n").unwrap_err();
        assert!(message.contains("invalid type"), "{message}");
        assert_eq!(at.line, 2);
    }

    #[test]
    fn the_actor_registry_is_read_and_checked() {
        let c = Config::parse(
            "actors:\n  - name: Volodymyr Zelenskyy\n    kind: person\n    aliases: [Zelensky]\n    roles: [President of Ukraine]\n",
        )
        .unwrap();
        assert_eq!(c.actors[0].name, "Volodymyr Zelenskyy");
        assert_eq!(c.actors[0].aliases, ["Zelensky"]);
        let (message, at) = Config::parse("actors:\n  - name: X\n    kind: robot\n").unwrap_err();
        assert!(message.contains("unknown variant `robot`"), "{message}");
        assert_eq!(at.line, 3);
        let (message, _) = Config::parse("actors:\n  - nme: X\n").unwrap_err();
        assert!(message.contains("unknown field `nme`"), "{message}");
    }

    #[test]
    fn base_urls_are_normalised() {
        assert_eq!(BaseUrl::parse("/repo").unwrap().as_str(), "/repo/");
        let abs = BaseUrl::parse("https://me.github.io/repo").unwrap();
        assert_eq!(abs.as_str(), "https://me.github.io/repo/");
        assert_eq!(abs.path(), "/repo/");
        assert!(abs.is_absolute());
        assert_eq!(BaseUrl::parse("https://me.github.io").unwrap().path(), "/");
        assert!(BaseUrl::parse("repo").is_err());
        assert!(BaseUrl::parse("javascript:alert(1)").is_err());
        assert!(BaseUrl::parse("/a\"onload=x").is_err());
    }
}
