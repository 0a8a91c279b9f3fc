### cleeng-register: Meldungen auf Deutsch (formelle Anrede „Sie“). Aufbau und Ids: siehe ../en/register.ftl.

## Feldbezeichnungen

field-email = E-Mail-Adresse
field-password = Passwort
field-offerId = Angebots-ID
field-publisherId = Anbieter-ID
field-locale = Sprache und Region
field-country = Land
field-currency = Währung
field-firstName = Vorname
field-lastName = Nachname
field-externalId = Externe ID
field-externalData = Zusätzliche Daten
field-customerIP = IP-Adresse
field-captchaValue = CAPTCHA

## Fehler in einem Feld ($label: Bezeichnung des Feldes)

request-missing = Das Feld „{ $label }“ ist erforderlich.
request-not_a_string = Das Feld „{ $label }“ muss Text enthalten.
request-too_short = Das Feld „{ $label }“ muss mindestens { NUMBER($min, useGrouping: 0) } { $min ->
        [one] Zeichen
       *[other] Zeichen
    } lang sein.
request-too_short-bare = Das Feld „{ $label }“ ist zu kurz.
request-too_long = Das Feld „{ $label }“ darf höchstens { NUMBER($max, useGrouping: 0) } { $max ->
        [one] Zeichen
       *[other] Zeichen
    } lang sein.
request-too_long-bare = Das Feld „{ $label }“ ist zu lang.
request-invalid_format = Das Feld „{ $label }“ hat kein gültiges Format.
request-invalid_format-email = Das Feld „{ $label }“ muss eine gültige E-Mail-Adresse enthalten, z. B. name@example.com.
request-invalid_format-offerId = Das Feld „{ $label }“ muss aus einem Buchstaben für die Angebotsart, 9 Ziffern, einem Unterstrich und einem Ländercode bestehen, z. B. S565568989_US.
request-invalid_format-publisherId = Das Feld „{ $label }“ muss aus genau 9 Ziffern bestehen.
request-invalid_format-locale = Das Feld „{ $label }“ muss einen Sprachcode enthalten, optional gefolgt von einem Unterstrich und einem Regionscode, z. B. de_DE.
request-invalid_format-country = Das Feld „{ $label }“ muss einen Ländercode aus zwei Großbuchstaben enthalten, z. B. DE.
request-invalid_format-currency = Das Feld „{ $label }“ muss einen Währungscode aus drei Großbuchstaben enthalten, z. B. EUR.
request-invalid_format-customerIP = Das Feld „{ $label }“ muss eine gültige IP-Adresse (IPv4 oder IPv6) enthalten.
request-invalid_format-captchaValue = Das Feld „{ $label }“ darf nur Buchstaben ohne Umlaute und Akzente, Ziffern und gängige Sonderzeichen enthalten, aber keine Leerzeichen.
request-missing_letter = Das Feld „{ $label }“ muss mindestens einen Buchstaben enthalten.
request-missing_digit_or_special = Das Feld „{ $label }“ muss mindestens eine Ziffer oder eines dieser Zeichen enthalten: ! @ # $ % ^ &
request-unknown_offer_type = Das Feld „{ $label }“ muss mit einer Angebotsart beginnen: S (Abonnement), P (Zugangspass), E (Live-Event), R (Leihen) oder A (Einzelkauf).
request-unknown_code = Das Feld „{ $label }“ enthält keinen gültigen Code.
request-unknown_code-suggestion = Das Feld „{ $label }“ enthält keinen gültigen Code. Meinten Sie { $suggestion }?
request-unknown_code-offerId = Das Feld „{ $label }“ muss mit einem gültigen Ländercode enden.
request-unknown_code-offerId-suggestion = Das Feld „{ $label }“ muss mit einem gültigen Ländercode enden. Meinten Sie { $suggestion }?
request-unknown_code-locale = Das Feld „{ $label }“ muss einen gültigen Sprach- und Regionscode enthalten.
request-unknown_code-locale-suggestion = Das Feld „{ $label }“ muss einen gültigen Sprach- und Regionscode enthalten. Meinten Sie { $suggestion }?
request-unknown_code-country = Das Feld „{ $label }“ muss einen gültigen Ländercode enthalten.
request-unknown_code-country-suggestion = Das Feld „{ $label }“ muss einen gültigen Ländercode enthalten. Meinten Sie { $suggestion }?
request-unknown_code-currency = Das Feld „{ $label }“ muss eine aktuell gültige Währung enthalten.
request-not_supported = Die Angabe im Feld „{ $label }“ wird von diesem Dienst nicht unterstützt.
request-not_supported-locale = Diese Sprache und Region werden von diesem Dienst nicht unterstützt.
request-not_supported-currency = Diese Währung wird von diesem Dienst nicht unterstützt.
request-control_character = Das Feld „{ $label }“ darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.
request-no_visible_character = Das Feld „{ $label }“ muss mindestens ein sichtbares Zeichen enthalten.
request-surrounding_whitespace = Das Feld „{ $label }“ darf nicht mit einem Leerzeichen beginnen oder enden.
request-too_large = Das Feld „{ $label }“ darf höchstens { NUMBER($max, useGrouping: 0) } { $max ->
        [one] Byte
       *[other] Bytes
    } groß sein.
request-too_large-bare = Das Feld „{ $label }“ ist zu groß.
request-invalid_json = Der Inhalt des Feldes „{ $label }“ kann nicht gelesen werden.
request-too_deep = Das Feld „{ $label }“ darf höchstens { NUMBER($max, useGrouping: 0) } { $max ->
        [one] Ebene
       *[other] Ebenen
    } tief verschachtelt sein.
request-too_deep-bare = Das Feld „{ $label }“ ist zu tief verschachtelt.
request-not_an_object = Das Feld „{ $label }“ muss aus Einträgen mit Name und Wert bestehen.
request-unknown_field = Das Feld „{ $label }“ gehört nicht zum Registrierungsformular.
request-duplicate_field = Das Feld „{ $label }“ wurde mehrfach angegeben.
request-invalid = Das Feld „{ $label }“ ist ungültig.
request-service = Das Feld „{ $label }“ { $sentence }.

## Fehler der ganzen Anfrage

request-offer_or_publisher_required-body = Eine Angebots-ID oder eine Anbieter-ID ist erforderlich.
request-malformed_body-body = Die Formulardaten konnten nicht gelesen werden.
request-too_large-body = Die Formulardaten dürfen höchstens { NUMBER($max, useGrouping: 0) } { $max ->
        [one] Byte
       *[other] Bytes
    } groß sein.
request-too_large-body-bare = Die Formulardaten sind zu groß.
request-too_many_errors-body = Mehr als { NUMBER($max, useGrouping: 0) } { $max ->
        [one] Fehler wurde
       *[other] Fehler wurden
    } gefunden; weitere werden nicht angezeigt.
request-too_many_errors-body-bare = Es wurden zu viele Fehler gefunden; nicht alle werden angezeigt.
request-invalid-body = Die Formulardaten sind ungültig.

## Fehler bei einem unbekannten Feld

request-unknown_field-key = Dieses Feld gehört nicht zum Registrierungsformular.
request-duplicate_field-key = Dieses Feld wurde mehrfach angegeben.
request-invalid-key = Dieses Feld ist ungültig.

## Hinweise

advisory-customer_ip_missing = Es wurde keine IP-Adresse angegeben: Cleeng berechnet den Preis anhand der Adresse, von der die Anfrage stammt, doch für die Steuerberechnung in den USA und Kanada wird die IP-Adresse der Person benötigt, die sich registriert.
advisory-customer_ip_not_public = Die IP-Adresse ist keine öffentliche Adresse und kann daher für die Steuerberechnung keinem Land zugeordnet werden.
advisory-offer_country_mismatch = Das Land in der Angebots-ID weicht vom angegebenen Land ab.

## Problemdokument

problem-title = Ungültige Formulardaten
problem-detail = { NUMBER($count, useGrouping: 0) } { $count ->
        [one] Fehler muss
       *[other] Fehler müssen
    } korrigiert werden.

## Spalten der Migrationsvorlage

column-first-name = Vorname
column-last-name = Nachname
column-email = E-Mail-Adresse
column-locale = Sprache und Region
column-last-login = Letzte Anmeldung
column-create-date = Erstellungsdatum
column-country-code = Ländercode
column-currency = Währung
column-ip-address = IP-Adresse
column-timezone = Zeitzone
column-external-id = Externe ID
column-password-hash = Passwort-Hash

## Fehler der Migrationsdatei

migration-invalid_format-last-login = Das Feld „{ $label }“ muss ein gültiges Datum im Format JJJJ-MM-TT enthalten.
migration-invalid_format-create-date = Das Feld „{ $label }“ muss ein gültiges Datum im Format JJJJ-MM-TT enthalten.
migration-invalid_format-password-hash = Das Feld „{ $label }“ muss 1 bis 1024 druckbare ASCII-Zeichen ohne Leerzeichen enthalten.
migration-unknown_code-timezone = Das Feld „{ $label }“ muss den Namen einer IANA-Zeitzone enthalten, z. B. Europe/Berlin.
migration-in_future = Das Feld „{ $label }“ darf nicht nach dem Prüfdatum liegen.
migration-invalid_order = Das Feld „{ $label }“ darf nicht nach der letzten Anmeldung liegen.
migration-duplicate_value = Das Feld „{ $label }“ enthält denselben Wert wie Zeile { NUMBER($firstRow, useGrouping: 0) }; jeder Wert darf in der Datei nur einmal vorkommen.
migration-duplicate_value-bare = Das Feld „{ $label }“ enthält denselben Wert wie eine frühere Zeile; jeder Wert darf in der Datei nur einmal vorkommen.
migration-missing_column = In der Kopfzeile fehlt die Vorlagenspalte „{ $column }“.
migration-duplicate_column = Die Spalte „{ $column }“ kommt in der Kopfzeile mehrfach vor (erneut in Zelle { NUMBER($position, useGrouping: 0) }).
migration-duplicate_column-bare = Die Spalte „{ $column }“ kommt in der Kopfzeile mehrfach vor.
migration-unknown_column-record = Zelle { NUMBER($position, useGrouping: 0) } der Kopfzeile ist keine Spalte der Vorlage für die Nutzermigration.
migration-unknown_column-record-bare = Eine Zelle der Kopfzeile ist keine Spalte der Vorlage für die Nutzermigration.
migration-malformed_row-record = Der Datensatz ist länger als { NUMBER($max, useGrouping: 0) } { $max ->
        [one] Byte
       *[other] Bytes
    } und damit länger, als ein gültiger Datensatz sein kann.
migration-malformed_row-record-bare = Der Datensatz muss UTF-8-kodiert sein und genau ein Feld pro Vorlagenspalte enthalten; jedes Feld, das mit einem Anführungszeichen beginnt, muss auch mit einem enden.
migration-invalid-record = Der Datensatz ist ungültig.

## Hinweise zur Migration

migration-advisory-currency_defaulted = Es ist keine Währung angegeben: Cleeng importiert den Kunden mit der Standardwährung EUR.
migration-advisory-customer_ip_not_public = Die IP-Adresse ist keine öffentliche Adresse und kann daher für die Steuerberechnung keinem Land zugeordnet werden.
migration-advisory-too_many_records = Die Datei enthält mehr als { NUMBER($max, useGrouping: 0) } { $max ->
        [one] Datensatz
       *[other] Datensätze
    } – mehr, als Cleeng auf einmal importieren kann.
