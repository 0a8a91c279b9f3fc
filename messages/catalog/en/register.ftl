### cleeng-register: the messages of a registration request and of a Users migration file,
### in English (the source language of the catalog).
###
### Ids (the crate's README explains them in full):
###   field-KEY                      the label of a request field (KEY is the JSON key)
###   column-SLUG                    the label of a migration template column
###   request-CODE[-KEY][-SHAPE]     a request error at a field; $label is the field's label
###   request-CODE-body[-SHAPE]      a request error about the whole body
###   request-CODE-key               a request error at a key that is not a field
###   migration-CODE[-SLUG][-SHAPE]  a migration error
###   advisory-CODE, migration-advisory-CODE, problem-*
### SHAPE is "bare" when a limit is not given, "suggestion" when $suggestion is.
### Numbers are written without digit grouping, NUMBER($n, useGrouping: 0), so that browsers'
### Intl.NumberFormat writes them as Rust's fluent-bundle does (8192, never 8,192 or 8 192);
### plural selectors select on the plain variable.

## Field labels: what a customer sees on the form.

field-email = Email address
field-password = Password
field-offerId = Offer ID
field-publisherId = Publisher ID
field-locale = Language and region
field-country = Country
field-currency = Currency
field-firstName = First name
field-lastName = Last name
field-externalId = External ID
field-externalData = Additional data
field-customerIP = IP address
field-captchaValue = CAPTCHA

## Errors at a field. $label is the field's label, from field-KEY.

request-missing = { $label } is required.
request-not_a_string = { $label } must be text.
request-too_short = { $label } must be at least { NUMBER($min, useGrouping: 0) } { $min ->
        [one] character
       *[other] characters
    } long.
request-too_short-bare = { $label } is too short.
request-too_long = { $label } must be at most { NUMBER($max, useGrouping: 0) } { $max ->
        [one] character
       *[other] characters
    } long.
request-too_long-bare = { $label } is too long.
request-invalid_format = { $label } is not in a valid format.
request-invalid_format-email = { $label } must be a valid email address, such as name@example.com.
request-invalid_format-offerId = { $label } must be an offer type letter, 9 digits, an underscore and a country code, such as S565568989_US.
request-invalid_format-publisherId = { $label } must be exactly 9 digits.
request-invalid_format-locale = { $label } must be a language code, optionally followed by an underscore and a region code, such as en_US.
request-invalid_format-country = { $label } must be a two-letter country code in capitals, such as US.
request-invalid_format-currency = { $label } must be a three-letter currency code in capitals, such as EUR.
request-invalid_format-customerIP = { $label } must be an IPv4 or IPv6 address.
request-invalid_format-captchaValue = { $label } may contain only printable ASCII characters, without spaces.
request-missing_letter = { $label } must contain at least one letter.
request-missing_digit_or_special = { $label } must contain at least one digit or one of these characters: ! @ # $ % ^ &
request-unknown_offer_type = { $label } must start with an offer type: S (subscription), P (pass), E (live event), R (rental) or A (single purchase).
request-unknown_code = { $label } is not a known code.
request-unknown_code-suggestion = { $label } is not a known code. Did you mean { $suggestion }?
request-unknown_code-offerId = { $label } must end with an existing country code.
request-unknown_code-offerId-suggestion = { $label } must end with an existing country code. Did you mean { $suggestion }?
request-unknown_code-locale = { $label } must use an existing language code and region code.
request-unknown_code-locale-suggestion = { $label } must use an existing language code and region code. Did you mean { $suggestion }?
request-unknown_code-country = { $label } must be an existing country code.
request-unknown_code-country-suggestion = { $label } must be an existing country code. Did you mean { $suggestion }?
request-unknown_code-currency = { $label } must be a currency in circulation.
request-not_supported = { $label } is not supported by this service.
request-not_supported-locale = This language and region are not supported by this service.
request-not_supported-currency = This currency is not supported by this service.
request-control_character = { $label } must not contain control characters.
request-no_visible_character = { $label } must contain at least one visible character.
request-surrounding_whitespace = { $label } must not start or end with a space.
request-too_large = { $label } must be at most { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }.
request-too_large-bare = { $label } is too large.
request-invalid_json = { $label } must contain valid JSON.
request-too_deep = { $label } must not be nested more than { NUMBER($max, useGrouping: 0) } { $max ->
        [one] level
       *[other] levels
    } deep.
request-too_deep-bare = { $label } is nested too deep.
request-not_an_object = { $label } must contain a JSON object.
request-unknown_field = { $label } is not part of the registration form.
request-duplicate_field = { $label } is given more than once.
request-invalid = { $label } is not valid.
# A service's own rule: its sentence for the language ($sentence, the service's text,
# never a submitted value) after the field's label.
request-service = { $label } { $sentence }.

## Errors about the whole request body.

request-offer_or_publisher_required-body = An offer ID or a publisher ID is required.
request-malformed_body-body = The request could not be read: it must be a JSON object in UTF-8.
request-too_large-body = The request must be at most { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }.
request-too_large-body-bare = The request is too large.
request-too_many_errors-body = There are more than { NUMBER($max, useGrouping: 0) } { $max ->
        [one] error
       *[other] errors
    }; the rest are not listed.
request-too_many_errors-body-bare = There are too many errors; the rest are not listed.
request-invalid-body = The request is not valid.

## Errors at a key that is not a field of the form (the key is never repeated).

request-unknown_field-key = This field is not part of the registration form.
request-duplicate_field-key = This field is given more than once.
request-invalid-key = This field is not valid.

## Advisories: facts about a valid request, not errors.

advisory-customer_ip_missing = No IP address was given: Cleeng will price with the address the request came from, and taxes in the US and Canada need the customer's own address.
advisory-customer_ip_not_public = The IP address is not a public address, so it cannot be matched to a country for taxes.
advisory-offer_country_mismatch = The country in the offer ID differs from the customer's country.

## The problem document of a refused request.

problem-title = Invalid request body
problem-detail = { $count ->
        [one] { NUMBER($count, useGrouping: 0) } error
       *[other] { NUMBER($count, useGrouping: 0) } errors
    } must be corrected.

## Migration template columns: labels for the person who fixes the file.

column-first-name = First name
column-last-name = Last name
column-email = Email address
column-locale = Language and region
column-last-login = Last login
column-create-date = Creation date
column-country-code = Country code
column-currency = Currency
column-ip-address = IP address
column-timezone = Time zone
column-external-id = External ID
column-password-hash = Password hash

## Migration errors. $label is the column's label; $column is the template's own header
## name (as the file must spell it), for header errors.

migration-invalid_format-last-login = { $label } must be a real date written YYYY-MM-DD.
migration-invalid_format-create-date = { $label } must be a real date written YYYY-MM-DD.
migration-invalid_format-password-hash = { $label } must be 1 to 1024 printable ASCII characters, without spaces.
migration-unknown_code-timezone = { $label } must be an IANA time zone name, such as Europe/Amsterdam.
migration-in_future = { $label } must not be later than the day of the check.
migration-invalid_order = { $label } must not be later than the last login.
migration-duplicate_value = { $label } repeats the value of row { NUMBER($firstRow, useGrouping: 0) }; it must be unique in the file.
migration-duplicate_value-bare = { $label } repeats the value of an earlier row; it must be unique in the file.
migration-missing_column = The header is missing the template column { $column }.
migration-duplicate_column = The column { $column } appears more than once in the header (again in cell { NUMBER($position, useGrouping: 0) }).
migration-duplicate_column-bare = The column { $column } appears more than once in the header.
migration-unknown_column-record = Header cell { NUMBER($position, useGrouping: 0) } is not a column of the Users migration template.
migration-unknown_column-record-bare = A header cell is not a column of the Users migration template.
migration-malformed_row-record = The record is longer than { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }, more than any valid record can be.
migration-malformed_row-record-bare = The record must be UTF-8, with exactly one field for each template column, and every quoted field must be closed.
migration-invalid-record = The record is not valid.

## Migration advisories.

migration-advisory-currency_defaulted = No currency is given: Cleeng will import the customer with its default currency, EUR.
migration-advisory-customer_ip_not_public = The IP address is not a public address, so it cannot be matched to a country for taxes.
migration-advisory-too_many_records = The file has more than { NUMBER($max, useGrouping: 0) } { $max ->
        [one] record
       *[other] records
    }, more than Cleeng imports at once.
