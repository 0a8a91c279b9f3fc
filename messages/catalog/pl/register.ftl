### cleeng-register: komunikaty po polsku (formy bezosobowe). Budowa i identyfikatory: zob. ../en/register.ftl.

## Etykiety pól

field-email = Adres e-mail
field-password = Hasło
field-offerId = Identyfikator oferty
field-publisherId = Identyfikator wydawcy
field-locale = Język i region
field-country = Kraj
field-currency = Waluta
field-firstName = Imię
field-lastName = Nazwisko
field-externalId = Identyfikator zewnętrzny
field-externalData = Dodatkowe dane
field-customerIP = Adres IP
field-captchaValue = CAPTCHA

## Błędy w polu ($label: etykieta pola)

request-missing = Pole „{ $label }” jest wymagane.
request-not_a_string = Pole „{ $label }” musi zawierać tekst.
request-too_short = Pole „{ $label }” musi mieć co najmniej { NUMBER($min, useGrouping: 0) } { $min ->
        [one] znak
        [few] znaki
        [many] znaków
       *[other] znaku
    }.
request-too_short-bare = Pole „{ $label }” jest za krótkie.
request-too_long = Pole „{ $label }” może mieć najwyżej { NUMBER($max, useGrouping: 0) } { $max ->
        [one] znak
        [few] znaki
        [many] znaków
       *[other] znaku
    }.
request-too_long-bare = Pole „{ $label }” jest za długie.
request-invalid_format = Pole „{ $label }” ma nieprawidłowy format.
request-invalid_format-email = Pole „{ $label }” musi zawierać prawidłowy adres e-mail, np. nazwa@example.com.
request-invalid_format-offerId = Pole „{ $label }” musi składać się z litery typu oferty, 9 cyfr, znaku podkreślenia (_) i kodu kraju, np. S565568989_US.
request-invalid_format-publisherId = Pole „{ $label }” musi składać się z dokładnie 9 cyfr.
request-invalid_format-locale = Pole „{ $label }” musi zawierać kod języka, po którym mogą następować znak podkreślenia (_) i kod regionu, np. pl_PL.
request-invalid_format-country = Pole „{ $label }” musi zawierać dwuliterowy kod kraju zapisany wielkimi literami, np. PL.
request-invalid_format-currency = Pole „{ $label }” musi zawierać trzyliterowy kod waluty zapisany wielkimi literami, np. PLN.
request-invalid_format-customerIP = Pole „{ $label }” musi zawierać adres IPv4 lub IPv6.
request-invalid_format-captchaValue = Pole „{ $label }” może zawierać tylko litery bez polskich znaków, cyfry i typowe symbole, bez spacji.
request-missing_letter = Pole „{ $label }” musi zawierać co najmniej jedną literę.
request-missing_digit_or_special = Pole „{ $label }” musi zawierać co najmniej jedną cyfrę lub jeden z tych znaków: ! @ # $ % ^ &
request-unknown_offer_type = Pole „{ $label }” musi zaczynać się od typu oferty: S (subskrypcja), P (karnet), E (wydarzenie na żywo), R (wypożyczenie) lub A (zakup jednorazowy).
request-unknown_code = Pole „{ $label }” nie zawiera prawidłowego kodu.
request-unknown_code-suggestion = Pole „{ $label }” nie zawiera prawidłowego kodu. Czy chodziło o { $suggestion }?
request-unknown_code-offerId = Pole „{ $label }” musi kończyć się prawidłowym kodem kraju.
request-unknown_code-offerId-suggestion = Pole „{ $label }” musi kończyć się prawidłowym kodem kraju. Czy chodziło o { $suggestion }?
request-unknown_code-locale = Pole „{ $label }” musi zawierać prawidłowy kod języka i regionu.
request-unknown_code-locale-suggestion = Pole „{ $label }” musi zawierać prawidłowy kod języka i regionu. Czy chodziło o { $suggestion }?
request-unknown_code-country = Pole „{ $label }” musi zawierać prawidłowy kod kraju.
request-unknown_code-country-suggestion = Pole „{ $label }” musi zawierać prawidłowy kod kraju. Czy chodziło o { $suggestion }?
request-unknown_code-currency = Pole „{ $label }” musi zawierać walutę będącą w obiegu.
request-not_supported = Ten serwis nie obsługuje wartości podanej w polu „{ $label }”.
request-not_supported-locale = Ten serwis nie obsługuje tego połączenia języka i regionu.
request-not_supported-currency = Ten serwis nie obsługuje tej waluty.
request-control_character = Pole „{ $label }” nie może zawierać podziałów wiersza, tabulatorów ani innych niewidocznych znaków specjalnych.
request-no_visible_character = Pole „{ $label }” musi zawierać co najmniej jeden widoczny znak.
request-surrounding_whitespace = Pole „{ $label }” nie może zaczynać się ani kończyć spacją.
request-too_large = Pole „{ $label }” może mieć najwyżej { NUMBER($max, useGrouping: 0) } { $max ->
        [one] bajt
        [few] bajty
        [many] bajtów
       *[other] bajta
    }.
request-too_large-bare = Pole „{ $label }” jest za duże.
request-invalid_json = Pole „{ $label }” zawiera dane w nieprawidłowym formacie.
request-too_deep = Pole „{ $label }” może mieć najwyżej { NUMBER($max, useGrouping: 0) } { $max ->
        [one] poziom
        [few] poziomy
        [many] poziomów
       *[other] poziomu
    } zagnieżdżenia.
request-too_deep-bare = Pole „{ $label }” ma zbyt wiele poziomów zagnieżdżenia.
request-not_an_object = Pole „{ $label }” nie ma oczekiwanej struktury danych.
request-unknown_field = Pole „{ $label }” nie należy do formularza rejestracyjnego.
request-duplicate_field = Pole „{ $label }” podano więcej niż raz.
request-invalid = Pole „{ $label }” jest nieprawidłowe.
request-service = Pole „{ $label }” { $sentence }.

## Błędy całego żądania

request-offer_or_publisher_required-body = Należy podać identyfikator oferty lub identyfikator wydawcy.
request-malformed_body-body = Nie udało się odczytać przesłanych danych, ponieważ mają nieprawidłowy format.
request-too_large-body = Przesłane dane mogą mieć najwyżej { NUMBER($max, useGrouping: 0) } { $max ->
        [one] bajt
        [few] bajty
        [many] bajtów
       *[other] bajta
    }.
request-too_large-body-bare = Przesłanych danych jest za dużo.
request-too_many_errors-body = Znaleziono ponad { NUMBER($max, useGrouping: 0) } { $max ->
        [one] błąd
        [few] błędy
        [many] błędów
       *[other] błędu
    }; pozostałych nie wyświetlono.
request-too_many_errors-body-bare = Znaleziono zbyt wiele błędów, by wyświetlić wszystkie.
request-invalid-body = Przesłane dane są nieprawidłowe.

## Błędy w nieznanym polu

request-unknown_field-key = To pole nie należy do formularza rejestracyjnego.
request-duplicate_field-key = To pole podano więcej niż raz.
request-invalid-key = To pole jest nieprawidłowe.

## Uwagi

advisory-customer_ip_missing = Nie podano adresu IP: Cleeng ustali cenę na podstawie adresu, z którego wysłano dane, ale do naliczenia podatków w USA i Kanadzie potrzebny jest własny adres IP klienta.
advisory-customer_ip_not_public = Adres IP nie jest adresem publicznym, więc nie można go przypisać do kraju do celów podatkowych.
advisory-offer_country_mismatch = Kraj w identyfikatorze oferty różni się od kraju klienta.

## Dokument problemu

problem-title = Nieprawidłowe dane
problem-detail = Trzeba poprawić { NUMBER($count, useGrouping: 0) } { $count ->
        [one] błąd
        [few] błędy
        [many] błędów
       *[other] błędu
    }.

## Kolumny szablonu migracji

column-first-name = Imię
column-last-name = Nazwisko
column-email = Adres e-mail
column-locale = Język i region
column-last-login = Ostatnie logowanie
column-create-date = Data utworzenia
column-country-code = Kod kraju
column-currency = Waluta
column-ip-address = Adres IP
column-timezone = Strefa czasowa
column-external-id = Identyfikator zewnętrzny
column-password-hash = Skrót hasła

## Błędy pliku migracji

migration-invalid_format-last-login = Pole „{ $label }” musi zawierać prawidłową datę w formacie RRRR-MM-DD.
migration-invalid_format-create-date = Pole „{ $label }” musi zawierać prawidłową datę w formacie RRRR-MM-DD.
migration-invalid_format-password-hash = Pole „{ $label }” musi zawierać od 1 do 1024 drukowalnych znaków ASCII, bez spacji.
migration-unknown_code-timezone = Pole „{ $label }” musi zawierać nazwę strefy czasowej IANA, np. Europe/Warsaw.
migration-in_future = Pole „{ $label }” nie może zawierać daty późniejszej niż data sprawdzenia.
migration-invalid_order = Pole „{ $label }” nie może zawierać daty późniejszej niż data ostatniego logowania.
migration-duplicate_value = Pole „{ $label }” powtarza wartość z wiersza { NUMBER($firstRow, useGrouping: 0) }; wartości w pliku nie mogą się powtarzać.
migration-duplicate_value-bare = Pole „{ $label }” powtarza wartość z wcześniejszego wiersza; wartości w pliku nie mogą się powtarzać.
migration-missing_column = W nagłówku brakuje kolumny „{ $column }” z szablonu.
migration-duplicate_column = Kolumna „{ $column }” występuje w nagłówku więcej niż raz (ponownie w komórce nr { NUMBER($position, useGrouping: 0) }).
migration-duplicate_column-bare = Kolumna „{ $column }” występuje w nagłówku więcej niż raz.
migration-unknown_column-record = Komórka nr { NUMBER($position, useGrouping: 0) } w nagłówku nie odpowiada żadnej kolumnie szablonu migracji użytkowników.
migration-unknown_column-record-bare = Jedna z komórek nagłówka nie odpowiada żadnej kolumnie szablonu migracji użytkowników.
migration-malformed_row-record = Rekord ma ponad { NUMBER($max, useGrouping: 0) } { $max ->
        [one] bajt
        [few] bajty
        [many] bajtów
       *[other] bajta
    }, czyli więcej, niż może mieć prawidłowy rekord.
migration-malformed_row-record-bare = Rekord musi być zapisany w UTF-8 i mieć dokładnie jedno pole na każdą kolumnę szablonu, a każdy cudzysłów otwierający pole musi zostać zamknięty.
migration-invalid-record = Rekord jest nieprawidłowy.

## Uwagi do migracji

migration-advisory-currency_defaulted = Nie podano waluty: Cleeng zaimportuje klienta z domyślną walutą EUR.
migration-advisory-customer_ip_not_public = Adres IP nie jest adresem publicznym, więc nie można go przypisać do kraju do celów podatkowych.
migration-advisory-too_many_records = Plik zawiera ponad { NUMBER($max, useGrouping: 0) } { $max ->
        [one] rekord
        [few] rekordy
        [many] rekordów
       *[other] rekordu
    }, czyli więcej, niż Cleeng może zaimportować naraz.
