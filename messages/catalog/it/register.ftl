### cleeng-register: messaggi in italiano (forma impersonale, «Lei» dove serve). Struttura e id: vedere ../en/register.ftl.

## Etichette dei campi

field-email = Indirizzo email
field-password = Password
field-offerId = ID offerta
field-publisherId = ID editore
field-locale = Lingua e paese
field-country = Paese
field-currency = Valuta
field-firstName = Nome
field-lastName = Cognome
field-externalId = ID esterno
field-externalData = Dati aggiuntivi
field-customerIP = Indirizzo IP
field-captchaValue = CAPTCHA

## Errori di un campo ($label: etichetta del campo)

request-missing = Il campo «{ $label }» è obbligatorio.
request-not_a_string = Il campo «{ $label }» deve contenere testo.
request-too_short = Il campo «{ $label }» deve contenere almeno { NUMBER($min, useGrouping: 0) } { $min ->
        [one] carattere
       *[other] caratteri
    }.
request-too_short-bare = Il campo «{ $label }» è troppo corto.
request-too_long = Il campo «{ $label }» non può superare { NUMBER($max, useGrouping: 0) } { $max ->
        [one] carattere
       *[other] caratteri
    }.
request-too_long-bare = Il campo «{ $label }» è troppo lungo.
request-invalid_format = Il campo «{ $label }» non ha un formato valido.
request-invalid_format-email = Il campo «{ $label }» deve contenere un indirizzo email valido, ad esempio nome@example.com.
request-invalid_format-offerId = Il campo «{ $label }» deve essere composto da una lettera che indica il tipo di offerta, 9 cifre, un trattino basso (_) e un codice paese, ad esempio S565568989_US.
request-invalid_format-publisherId = Il campo «{ $label }» deve essere composto esattamente da 9 cifre.
request-invalid_format-locale = Il campo «{ $label }» deve contenere un codice lingua, seguito facoltativamente da un trattino basso (_) e da un codice paese, ad esempio it_IT.
request-invalid_format-country = Il campo «{ $label }» deve contenere un codice paese di due lettere maiuscole, ad esempio IT.
request-invalid_format-currency = Il campo «{ $label }» deve contenere un codice valuta di tre lettere maiuscole, ad esempio EUR.
request-invalid_format-customerIP = Il campo «{ $label }» deve contenere un indirizzo IP valido (IPv4 o IPv6).
request-invalid_format-captchaValue = Il campo «{ $label }» può contenere solo lettere senza accenti, cifre e caratteri speciali comuni, senza spazi.
request-missing_letter = Il campo «{ $label }» deve contenere almeno una lettera.
request-missing_digit_or_special = Il campo «{ $label }» deve contenere almeno una cifra o uno di questi caratteri: ! @ # $ % ^ &
request-unknown_offer_type = Il campo «{ $label }» deve iniziare con un tipo di offerta: S (abbonamento), P (pass), E (evento dal vivo), R (noleggio) o A (acquisto singolo).
request-unknown_code = Il campo «{ $label }» non contiene un codice riconosciuto.
request-unknown_code-suggestion = Il campo «{ $label }» non contiene un codice riconosciuto. Forse intendeva { $suggestion }?
request-unknown_code-offerId = Il campo «{ $label }» deve terminare con un codice paese valido.
request-unknown_code-offerId-suggestion = Il campo «{ $label }» deve terminare con un codice paese valido. Forse intendeva { $suggestion }?
request-unknown_code-locale = Il campo «{ $label }» deve contenere un codice lingua e un codice paese validi.
request-unknown_code-locale-suggestion = Il campo «{ $label }» deve contenere un codice lingua e un codice paese validi. Forse intendeva { $suggestion }?
request-unknown_code-country = Il campo «{ $label }» deve contenere un codice paese valido.
request-unknown_code-country-suggestion = Il campo «{ $label }» deve contenere un codice paese valido. Forse intendeva { $suggestion }?
request-unknown_code-currency = Il campo «{ $label }» deve contenere una valuta attualmente in circolazione.
request-not_supported = Il valore del campo «{ $label }» non è supportato da questo servizio.
request-not_supported-locale = Questa lingua e questo paese non sono supportati da questo servizio.
request-not_supported-currency = Questa valuta non è supportata da questo servizio.
request-control_character = Il campo «{ $label }» non può contenere interruzioni di riga, tabulazioni o altri caratteri di controllo.
request-no_visible_character = Il campo «{ $label }» deve contenere almeno un carattere visibile.
request-surrounding_whitespace = Il campo «{ $label }» non può iniziare né terminare con uno spazio.
request-too_large = Il campo «{ $label }» non può superare { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] byte
    }.
request-too_large-bare = Il campo «{ $label }» è troppo voluminoso.
request-invalid_json = Il contenuto del campo «{ $label }» non è leggibile.
request-too_deep = Il campo «{ $label }» non può avere più di { NUMBER($max, useGrouping: 0) } { $max ->
        [one] livello
       *[other] livelli
    } di annidamento.
request-too_deep-bare = Il campo «{ $label }» ha troppi livelli di annidamento.
request-not_an_object = Il campo «{ $label }» deve essere composto da voci con un nome e un valore.
request-unknown_field = Il campo «{ $label }» non fa parte del modulo di registrazione.
request-duplicate_field = Il campo «{ $label }» compare più di una volta.
request-invalid = Il campo «{ $label }» non è valido.
request-service = Il campo «{ $label }» { $sentence }.

## Errori dell’intera richiesta

request-offer_or_publisher_required-body = È necessario un ID offerta o un ID editore.
request-malformed_body-body = Impossibile leggere i dati del modulo.
request-too_large-body = I dati del modulo non possono superare { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] byte
    }.
request-too_large-body-bare = I dati del modulo sono troppo voluminosi.
request-too_many_errors-body = Ci sono più di { NUMBER($max, useGrouping: 0) } { $max ->
        [one] errore
       *[other] errori
    }: gli altri non vengono mostrati.
request-too_many_errors-body-bare = Ci sono troppi errori: non vengono mostrati tutti.
request-invalid-body = I dati del modulo non sono validi.

## Errori di un campo sconosciuto

request-unknown_field-key = Questo campo non fa parte del modulo di registrazione.
request-duplicate_field-key = Questo campo compare più di una volta.
request-invalid-key = Questo campo non è valido.

## Avvisi

advisory-customer_ip_missing = Non è stato indicato alcun indirizzo IP: Cleeng calcolerà il prezzo in base all’indirizzo da cui proviene la richiesta, ma per le imposte negli Stati Uniti e in Canada serve l’indirizzo IP del cliente stesso.
advisory-customer_ip_not_public = L’indirizzo IP non è un indirizzo pubblico, quindi non può essere associato a un paese ai fini fiscali.
advisory-offer_country_mismatch = Il paese nell’ID offerta è diverso dal paese indicato.

## Documento di problema

problem-title = Dati del modulo non validi
problem-detail = { $count ->
        [one] C’è { NUMBER($count, useGrouping: 0) } errore da correggere.
       *[other] Ci sono { NUMBER($count, useGrouping: 0) } errori da correggere.
    }

## Colonne del modello di migrazione

column-first-name = Nome
column-last-name = Cognome
column-email = Indirizzo email
column-locale = Lingua e paese
column-last-login = Ultimo accesso
column-create-date = Data di creazione
column-country-code = Codice paese
column-currency = Valuta
column-ip-address = Indirizzo IP
column-timezone = Fuso orario
column-external-id = ID esterno
column-password-hash = Hash della password

## Errori del file di migrazione

migration-invalid_format-last-login = Il campo «{ $label }» deve contenere una data valida nel formato AAAA-MM-GG.
migration-invalid_format-create-date = Il campo «{ $label }» deve contenere una data valida nel formato AAAA-MM-GG.
migration-invalid_format-password-hash = Il campo «{ $label }» deve contenere da 1 a 1024 caratteri ASCII stampabili, senza spazi.
migration-unknown_code-timezone = Il campo «{ $label }» deve contenere il nome di un fuso orario IANA, ad esempio Europe/Rome.
migration-in_future = Il campo «{ $label }» non può essere successivo alla data del controllo.
migration-invalid_order = Il campo «{ $label }» non può essere successivo all’ultimo accesso.
migration-duplicate_value = Il campo «{ $label }» contiene lo stesso valore della riga { NUMBER($firstRow, useGrouping: 0) }; ogni valore deve essere unico nel file.
migration-duplicate_value-bare = Il campo «{ $label }» contiene lo stesso valore di una riga precedente; ogni valore deve essere unico nel file.
migration-missing_column = Nell’intestazione manca la colonna «{ $column }» del modello.
migration-duplicate_column = La colonna «{ $column }» compare più di una volta nell’intestazione (di nuovo nella cella { NUMBER($position, useGrouping: 0) }).
migration-duplicate_column-bare = La colonna «{ $column }» compare più di una volta nell’intestazione.
migration-unknown_column-record = La cella { NUMBER($position, useGrouping: 0) } dell’intestazione non è una colonna del modello di migrazione utenti.
migration-unknown_column-record-bare = Una cella dell’intestazione non è una colonna del modello di migrazione utenti.
migration-malformed_row-record = Il record supera { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] byte
    }, più di quanto possa occupare un record valido.
migration-malformed_row-record-bare = Il record deve essere in UTF-8 e avere esattamente un campo per ogni colonna del modello; ogni virgoletta che apre un campo deve essere chiusa.
migration-invalid-record = Il record non è valido.

## Avvisi della migrazione

migration-advisory-currency_defaulted = Non è indicata alcuna valuta: Cleeng importerà il cliente con la valuta predefinita, EUR.
migration-advisory-customer_ip_not_public = L’indirizzo IP non è un indirizzo pubblico, quindi non può essere associato a un paese ai fini fiscali.
migration-advisory-too_many_records = Il file contiene più di { NUMBER($max, useGrouping: 0) } { $max ->
        [one] record
       *[other] record
    }, più di quanti Cleeng ne possa importare in una volta.
