### cleeng-register : messages en français (vouvoiement). Structure et identifiants : voir ../en/register.ftl.

## Libellés des champs

field-email = Adresse e-mail
field-password = Mot de passe
field-offerId = ID de l’offre
field-publisherId = ID de l’éditeur
field-locale = Langue et région
field-country = Pays
field-currency = Devise
field-firstName = Prénom
field-lastName = Nom
field-externalId = ID externe
field-externalData = Données supplémentaires
field-customerIP = Adresse IP
field-captchaValue = CAPTCHA

## Erreurs d’un champ ($label : libellé du champ)

request-missing = Le champ « { $label } » est obligatoire.
request-not_a_string = Le champ « { $label } » doit contenir du texte.
request-too_short = Le champ « { $label } » doit contenir au moins { NUMBER($min, useGrouping: 0) } { $min ->
        [one] caractère
       *[other] caractères
    }.
request-too_short-bare = Le champ « { $label } » est trop court.
request-too_long = Le champ « { $label } » ne doit pas dépasser { NUMBER($max, useGrouping: 0) } { $max ->
        [one] caractère
       *[other] caractères
    }.
request-too_long-bare = Le champ « { $label } » est trop long.
request-invalid_format = Le champ « { $label } » n’est pas au bon format.
request-invalid_format-email = Le champ « { $label } » doit contenir une adresse e-mail valide, par exemple nom@example.com.
request-invalid_format-offerId = Le champ « { $label } » doit se composer d’une lettre indiquant le type d’offre, de 9 chiffres, d’un tiret bas (_) et d’un code pays, par exemple S565568989_US.
request-invalid_format-publisherId = Le champ « { $label } » doit comporter exactement 9 chiffres.
request-invalid_format-locale = Le champ « { $label } » doit contenir un code de langue, suivi éventuellement d’un tiret bas (_) et d’un code de région, par exemple fr_FR.
request-invalid_format-country = Le champ « { $label } » doit contenir un code pays de deux lettres majuscules, par exemple FR.
request-invalid_format-currency = Le champ « { $label } » doit contenir un code de devise de trois lettres majuscules, par exemple EUR.
request-invalid_format-customerIP = Le champ « { $label } » doit contenir une adresse IP valide (IPv4 ou IPv6).
request-invalid_format-captchaValue = Le champ « { $label } » ne peut contenir que des lettres sans accents, des chiffres et des caractères spéciaux courants, sans espaces.
request-missing_letter = Le champ « { $label } » doit contenir au moins une lettre.
request-missing_digit_or_special = Le champ « { $label } » doit contenir au moins un chiffre ou l’un de ces caractères : ! @ # $ % ^ &
request-unknown_offer_type = Le champ « { $label } » doit commencer par un type d’offre : S (abonnement), P (pass), E (événement en direct), R (location) ou A (achat à l’unité).
request-unknown_code = Le champ « { $label } » ne contient pas de code reconnu.
request-unknown_code-suggestion = Le champ « { $label } » ne contient pas de code reconnu. Vouliez-vous dire { $suggestion } ?
request-unknown_code-offerId = Le champ « { $label } » doit se terminer par un code pays valide.
request-unknown_code-offerId-suggestion = Le champ « { $label } » doit se terminer par un code pays valide. Vouliez-vous dire { $suggestion } ?
request-unknown_code-locale = Le champ « { $label } » doit contenir un code de langue et un code de région valides.
request-unknown_code-locale-suggestion = Le champ « { $label } » doit contenir un code de langue et un code de région valides. Vouliez-vous dire { $suggestion } ?
request-unknown_code-country = Le champ « { $label } » doit contenir un code pays valide.
request-unknown_code-country-suggestion = Le champ « { $label } » doit contenir un code pays valide. Vouliez-vous dire { $suggestion } ?
request-unknown_code-currency = Le champ « { $label } » doit contenir une devise actuellement en circulation.
request-not_supported = La valeur du champ « { $label } » n’est pas prise en charge par ce service.
request-not_supported-locale = Cette langue et cette région ne sont pas prises en charge par ce service.
request-not_supported-currency = Cette devise n’est pas prise en charge par ce service.
request-control_character = Le champ « { $label } » ne doit pas contenir de retours à la ligne, de tabulations ni d’autres caractères de contrôle.
request-no_visible_character = Le champ « { $label } » doit contenir au moins un caractère visible.
request-surrounding_whitespace = Le champ « { $label } » ne doit ni commencer ni se terminer par un espace.
request-too_large = Le champ « { $label } » ne doit pas dépasser { NUMBER($max, useGrouping: 0) } { $max ->
        [one] octet
       *[other] octets
    }.
request-too_large-bare = Le champ « { $label } » est trop volumineux.
request-invalid_json = Le contenu du champ « { $label } » est illisible.
request-too_deep = Le champ « { $label } » ne doit pas comporter plus de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] niveau
       *[other] niveaux
    } d’imbrication.
request-too_deep-bare = Le champ « { $label } » comporte trop de niveaux d’imbrication.
request-not_an_object = Le champ « { $label } » doit se composer d’entrées associant un nom à une valeur.
request-unknown_field = Le champ « { $label } » ne fait pas partie du formulaire d’inscription.
request-duplicate_field = Le champ « { $label } » apparaît plusieurs fois.
request-invalid = Le champ « { $label } » n’est pas valide.
request-service = Le champ « { $label } » { $sentence }.

## Erreurs de la requête entière

request-offer_or_publisher_required-body = Un ID d’offre ou un ID d’éditeur est obligatoire.
request-malformed_body-body = Les données du formulaire n’ont pas pu être lues.
request-too_large-body = Les données du formulaire ne doivent pas dépasser { NUMBER($max, useGrouping: 0) } { $max ->
        [one] octet
       *[other] octets
    }.
request-too_large-body-bare = Les données du formulaire sont trop volumineuses.
request-too_many_errors-body = Plus de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] erreur a été détectée
       *[other] erreurs ont été détectées
    } ; les suivantes ne sont pas affichées.
request-too_many_errors-body-bare = Il y a trop d’erreurs ; elles ne sont pas toutes affichées.
request-invalid-body = Les données du formulaire ne sont pas valides.

## Erreurs d’un champ inconnu

request-unknown_field-key = Ce champ ne fait pas partie du formulaire d’inscription.
request-duplicate_field-key = Ce champ apparaît plusieurs fois.
request-invalid-key = Ce champ n’est pas valide.

## Avertissements

advisory-customer_ip_missing = Aucune adresse IP n’a été indiquée : Cleeng calculera le prix d’après l’adresse d’où provient la requête, alors que le calcul des taxes aux États-Unis et au Canada nécessite l’adresse IP du client lui-même.
advisory-customer_ip_not_public = L’adresse IP n’est pas une adresse publique : elle ne peut donc pas être rattachée à un pays pour le calcul des taxes.
advisory-offer_country_mismatch = Le pays figurant dans l’ID de l’offre ne correspond pas au pays indiqué.

## Document de problème

problem-title = Données du formulaire non valides
problem-detail = { NUMBER($count, useGrouping: 0) } { $count ->
        [one] erreur doit être corrigée
       *[other] erreurs doivent être corrigées
    }.

## Colonnes du modèle de migration

column-first-name = Prénom
column-last-name = Nom
column-email = Adresse e-mail
column-locale = Langue et région
column-last-login = Dernière connexion
column-create-date = Date de création
column-country-code = Code pays
column-currency = Devise
column-ip-address = Adresse IP
column-timezone = Fuseau horaire
column-external-id = ID externe
column-password-hash = Hachage du mot de passe

## Erreurs du fichier de migration

migration-invalid_format-last-login = Le champ « { $label } » doit contenir une date valide au format AAAA-MM-JJ.
migration-invalid_format-create-date = Le champ « { $label } » doit contenir une date valide au format AAAA-MM-JJ.
migration-invalid_format-password-hash = Le champ « { $label } » doit comporter de 1 à 1024 caractères ASCII imprimables, sans espaces.
migration-unknown_code-timezone = Le champ « { $label } » doit contenir le nom d’un fuseau horaire IANA, par exemple Europe/Paris.
migration-in_future = Le champ « { $label } » ne doit pas être postérieur à la date de la vérification.
migration-invalid_order = Le champ « { $label } » ne doit pas être postérieur à la dernière connexion.
migration-duplicate_value = Le champ « { $label } » contient la même valeur que la ligne { NUMBER($firstRow, useGrouping: 0) } ; chaque valeur doit être unique dans le fichier.
migration-duplicate_value-bare = Le champ « { $label } » contient la même valeur qu’une ligne précédente ; chaque valeur doit être unique dans le fichier.
migration-missing_column = L’en-tête ne contient pas la colonne « { $column } » du modèle.
migration-duplicate_column = La colonne « { $column } » apparaît plusieurs fois dans l’en-tête (à nouveau dans la cellule { NUMBER($position, useGrouping: 0) }).
migration-duplicate_column-bare = La colonne « { $column } » apparaît plusieurs fois dans l’en-tête.
migration-unknown_column-record = La cellule { NUMBER($position, useGrouping: 0) } de l’en-tête n’est pas une colonne du modèle de migration des utilisateurs.
migration-unknown_column-record-bare = Une cellule de l’en-tête n’est pas une colonne du modèle de migration des utilisateurs.
migration-malformed_row-record = L’enregistrement dépasse { NUMBER($max, useGrouping: 0) } { $max ->
        [one] octet
       *[other] octets
    }, soit plus que la taille maximale d’un enregistrement valide.
migration-malformed_row-record-bare = L’enregistrement doit être en UTF-8 et comporter exactement un champ par colonne du modèle ; tout guillemet ouvrant un champ doit être refermé.
migration-invalid-record = L’enregistrement n’est pas valide.

## Avertissements de la migration

migration-advisory-currency_defaulted = Aucune devise n’est indiquée : Cleeng importera le client avec la devise par défaut, EUR.
migration-advisory-customer_ip_not_public = L’adresse IP n’est pas une adresse publique : elle ne peut donc pas être rattachée à un pays pour le calcul des taxes.
migration-advisory-too_many_records = Le fichier contient plus de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] enregistrement
       *[other] enregistrements
    }, soit plus que Cleeng ne peut en importer en une fois.
