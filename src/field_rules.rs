//! Every rule of every field under a policy, walked from the [`Field`] table: the errors the
//! request reader can report, for the messages document and the problem writer's table.

use crate::error::{ErrorCode, Params, ValueError, Violation, Wording};
use crate::field::{Field, FieldVisitor};
use crate::policy::{CustomerIpRule, Policy};
use crate::report::FieldError;
use crate::value::field_value::{FieldText, FieldValue, Rule, ValueOptions};

/// What the request reader can say about one field under a policy.
pub(crate) struct FieldRules {
    pub(crate) field: Field,
    /// How the field's type words its rules.
    pub(crate) wording: &'static Wording,
    /// Whether a refusal names every rule the value breaks, or the first only.
    pub(crate) reports_every_rule: bool,
    /// `missing` where the field can be required, `not_a_string`, then the type's rules.
    pub(crate) rules: Vec<Rule>,
    /// The refusals of `unknown_code` whose message differs from the rule's: the pattern of
    /// the values that get each, and the violation (`FieldValue::suggestions`).
    pub(crate) suggestions: Vec<(String, Violation)>,
}

impl FieldRules {
    /// `field`'s rules under `policy`, in the order the request reader checks them.
    pub(crate) fn of(field: Field, policy: &Policy) -> FieldRules {
        // The policy decides for `customerIP` (the checker's special case); the table for
        // the rest.
        let required = match field {
            Field::CustomerIp => *policy.customer_ip() != CustomerIpRule::Optional,
            _ => field.is_required(),
        };
        field.visit(RulesOf {
            options: policy.value_options(),
            required,
        })
    }

    /// The error the request reader reports for `violation` of the field's value.
    pub(crate) fn error(&self, violation: Violation) -> FieldError {
        FieldError::at_field_value(self.field, &ValueError::new(self.wording, violation))
            .next()
            .expect("a refusal names a rule")
    }

    /// The errors the request reader can report at the field: one per rule and suggestion,
    /// and the duplicate key.
    pub(crate) fn errors(&self) -> Vec<FieldError> {
        let mut errors: Vec<FieldError> = self
            .rules
            .iter()
            .map(|rule| Violation::with(rule.code, rule.params))
            .chain(self.suggestions.iter().map(|(_, v)| *v))
            .map(|violation| self.error(violation))
            .collect();
        errors.push(FieldError::at_field(
            self.field,
            Violation::new(ErrorCode::DuplicateField),
        ));
        errors
    }
}

/// A field's rules, from its value type.
struct RulesOf<'p> {
    options: ValueOptions<'p>,
    required: bool,
}

impl FieldVisitor for RulesOf<'_> {
    type Output = FieldRules;
    fn visit<T: FieldValue>(self, field: Field) -> FieldRules {
        let refusal =
            |text: &str| T::from_field_text(FieldText::Borrowed(text), &self.options).err();
        // Taken from a refusal of its own, so the sentences are worded exactly as the server's.
        let wording = refusal("")
            .expect("every field's type refuses the empty string (too short or malformed)")
            .wording();
        let mut rules = Vec::new();
        if self.required {
            rules.push(Rule::new(ErrorCode::Missing));
        }
        rules.push(Rule::new(ErrorCode::NotAString));
        rules.extend(T::rules(&self.options));
        let suggestions = T::suggestions(&self.options);
        FieldRules {
            field,
            wording,
            reports_every_rule: T::REPORTS_EVERY_RULE,
            rules,
            suggestions,
        }
    }
}

/// The errors about the whole body under `policy`.
pub(crate) fn root_errors(policy: &Policy) -> [FieldError; 4] {
    // The policy keeps both limits far below u32::MAX (64 MiB, 10,000).
    [
        (ErrorCode::OfferOrPublisherRequired, Params::NONE),
        (ErrorCode::MalformedBody, Params::NONE),
        (
            ErrorCode::TooLarge,
            Params::max(policy.max_body_bytes() as u32),
        ),
        (
            ErrorCode::TooManyErrors,
            Params::max(policy.max_errors() as u32),
        ),
    ]
    .map(|(code, params)| FieldError::at_root(code, params))
}
