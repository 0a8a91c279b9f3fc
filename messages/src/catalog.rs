//! The Fluent catalog: one `.ftl` file per language, compiled into the binary, and a
//! [`Message`] (an id and its arguments) rendered in a language.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::Language;

/// The catalog's files, by [`Language::ALL`]'s order.
const SOURCES: [&str; 7] = [
    include_str!("../catalog/en/register.ftl"),
    include_str!("../catalog/de/register.ftl"),
    include_str!("../catalog/es/register.ftl"),
    include_str!("../catalog/fr/register.ftl"),
    include_str!("../catalog/it/register.ftl"),
    include_str!("../catalog/pl/register.ftl"),
    include_str!("../catalog/pt/register.ftl"),
];

/// A message of the catalog with its arguments: what to render, in any language.
///
/// ```
/// use cleeng_register_messages::{Arg, Catalog, Language, Message};
/// let message = Message::new("request-too_long")
///     .with("label", Arg::Label("field-firstName".into()))
///     .with("max", Arg::Number(50));
/// let catalog = Catalog::get();
/// assert_eq!(catalog.render(Language::Pl, &message), "Pole „Imię” może mieć najwyżej 50 znaków.");
/// assert_eq!(catalog.render(Language::En, &message), "First name must be at most 50 characters long.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Message {
    id: Cow<'static, str>,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Message`]: a Fluent variable's value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// A number (a limit, a row): plural selectors take its CLDR category.
    Number(u64),
    /// A text that is one of the crate's own constants (a suggested code, a column's
    /// template name), never a submitted value.
    Text(Cow<'static, str>),
    /// The text of another message of the same language: a field's or column's label.
    Label(Cow<'static, str>),
}

impl Message {
    /// The message `id`, without arguments.
    pub fn new(id: impl Into<Cow<'static, str>>) -> Message {
        Message {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// The same message with the variable `$name` set to `arg`.
    pub fn with(mut self, name: &'static str, arg: Arg) -> Message {
        self.args.push((name, arg));
        self
    }

    /// The message's id in the catalog.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The variables given, in the order they were set.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }
}

/// The catalog, parsed once: every language's messages, ready to render.
///
/// `Catalog::get()` builds it at the first call (about a millisecond) and shares it between
/// threads; rendering is `&self`.
pub struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
    syntax: Vec<ast::Resource<&'static str>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("languages", &Language::ALL)
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// The catalog of the process, built at the first call.
    pub fn get() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(Catalog::build)
    }

    fn build() -> Catalog {
        let bundles = Language::ALL
            .iter()
            .zip(SOURCES)
            .map(|(language, source)| {
                let tag = language
                    .tag()
                    .parse()
                    .expect("the catalog's tags are valid language identifiers");
                let resource = FluentResource::try_new(source.to_owned())
                    .expect("the catalog parses (a test checks every file)");
                let mut bundle = FluentBundle::new_concurrent(vec![tag]);
                // Unicode isolation marks around each variable would reach JSON and CSV;
                // the values are codes and labels in the message's own language.
                bundle.set_use_isolating(false);
                bundle
                    .add_builtins()
                    .expect("NUMBER is added once, to a new bundle");
                bundle
                    .add_resource(resource)
                    .expect("each id is defined once (a test checks every file)");
                bundle
            })
            .collect();
        let syntax = SOURCES
            .iter()
            .map(|source| {
                fluent_syntax::parser::parse(*source)
                    .expect("the catalog parses (a test checks every file)")
            })
            .collect();
        Catalog { bundles, syntax }
    }

    fn bundle(&self, language: Language) -> &FluentBundle<FluentResource> {
        &self.bundles[language.index()]
    }

    /// The `.ftl` text of `language`'s catalog, as shipped (for a browser's
    /// `@fluent/bundle`).
    pub fn source(language: Language) -> &'static str {
        SOURCES[language.index()]
    }

    /// Whether `language`'s catalog has the message `id`.
    pub fn has(&self, language: Language, id: &str) -> bool {
        self.bundle(language).has_message(id)
    }

    /// Every message id of `language`'s catalog, in file order.
    pub fn ids(&self, language: Language) -> impl Iterator<Item = &'static str> + '_ {
        self.syntax[language.index()]
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
    }

    /// The variables message `id` uses in `language`, with those of the messages it
    /// references; empty for an unknown id.
    pub fn variables(&self, language: Language, id: &str) -> BTreeSet<&'static str> {
        let mut found = BTreeSet::new();
        self.collect_variables(language, id, &mut found, 0);
        found
    }

    /// Whether message `id` uses the variable `name` in `language`.
    pub(crate) fn uses(&self, language: Language, id: &str, name: &str) -> bool {
        self.variables(language, id).contains(name)
    }

    fn collect_variables(
        &self,
        language: Language,
        id: &str,
        found: &mut BTreeSet<&'static str>,
        depth: usize,
    ) {
        // A reference cycle is a Fluent error the tests report; stop walking it here.
        if depth > 8 {
            return;
        }
        let message = self.syntax[language.index()]
            .body
            .iter()
            .find_map(|entry| match entry {
                ast::Entry::Message(m) if m.id.name == id => Some(m),
                _ => None,
            });
        if let Some(pattern) = message.and_then(|m| m.value.as_ref()) {
            let mut referenced = Vec::new();
            pattern_variables(pattern, found, &mut referenced);
            for other in referenced {
                self.collect_variables(language, other, found, depth + 1);
            }
        }
    }

    /// `message` in `language`, with the errors Fluent reports (an unknown id, a missing
    /// variable, a bad reference); the text is Fluent's fallback rendering where there are
    /// errors.
    pub fn try_render(
        &self,
        language: Language,
        message: &Message,
    ) -> Result<String, (String, Vec<String>)> {
        let bundle = self.bundle(language);
        let Some(pattern) = bundle.get_message(&message.id).and_then(|m| m.value()) else {
            return Err((message.id.to_string(), vec!["no such message".to_owned()]));
        };
        let mut args = FluentArgs::with_capacity(message.args.len());
        let mut errors = Vec::new();
        for (name, arg) in &message.args {
            let value = match arg {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(text) => FluentValue::from(text.as_ref()),
                Arg::Label(id) => match self.try_render(language, &Message::new(id.clone())) {
                    Ok(label) => FluentValue::from(label),
                    Err((label, more)) => {
                        errors.extend(more);
                        FluentValue::from(label)
                    }
                },
            };
            args.set(*name, value);
        }
        let mut fluent_errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&args), &mut fluent_errors)
            .into_owned();
        errors.extend(fluent_errors.iter().map(ToString::to_string));
        if errors.is_empty() {
            Ok(text)
        } else {
            Err((text, errors))
        }
    }

    /// `message` in `language`. Never fails: where Fluent reports an error (which the
    /// crate's tests rule out for every message the crate builds), the text is Fluent's
    /// fallback rendering.
    pub fn render(&self, language: Language, message: &Message) -> String {
        match self.try_render(language, message) {
            Ok(text) | Err((text, _)) => text,
        }
    }

    /// The first of `ids` that `language`'s catalog has.
    pub(crate) fn first_of<'i>(&self, language: Language, ids: &'i [String]) -> Option<&'i str> {
        ids.iter()
            .map(String::as_str)
            .find(|id| self.has(language, id))
    }
}

/// The variables `pattern` uses, and the messages it references.
fn pattern_variables(
    pattern: &ast::Pattern<&'static str>,
    found: &mut BTreeSet<&'static str>,
    referenced: &mut Vec<&'static str>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found, referenced);
        }
    }
}

fn expression_variables(
    expression: &ast::Expression<&'static str>,
    found: &mut BTreeSet<&'static str>,
    referenced: &mut Vec<&'static str>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found, referenced);
            for variant in variants {
                pattern_variables(&variant.value, found, referenced);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found, referenced),
    }
}

fn inline_variables(
    inline: &ast::InlineExpression<&'static str>,
    found: &mut BTreeSet<&'static str>,
    referenced: &mut Vec<&'static str>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name);
        }
        ast::InlineExpression::MessageReference { id, .. } => referenced.push(id.name),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for positional in &arguments.positional {
                inline_variables(positional, found, referenced);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, found, referenced)
        }
        // Terms take only literal arguments; literals hold no variable.
        _ => {}
    }
}

impl Language {
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}
