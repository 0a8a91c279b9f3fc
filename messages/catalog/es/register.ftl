### cleeng-register: mensajes en español (tratamiento de «usted»). Estructura e ids: véase ../en/register.ftl.

## Etiquetas de los campos

field-email = Correo electrónico
field-password = Contraseña
field-offerId = ID de la oferta
field-publisherId = ID del editor
field-locale = Idioma y región
field-country = País
field-currency = Moneda
field-firstName = Nombre
field-lastName = Apellidos
field-externalId = ID externo
field-externalData = Datos adicionales
field-customerIP = Dirección IP
field-captchaValue = CAPTCHA

## Errores en un campo ($label: etiqueta del campo)

request-missing = El campo «{ $label }» es obligatorio.
request-not_a_string = El campo «{ $label }» debe contener texto.
request-too_short = El campo «{ $label }» debe tener al menos { NUMBER($min, useGrouping: 0) } { $min ->
        [one] carácter
       *[other] caracteres
    }.
request-too_short-bare = El campo «{ $label }» es demasiado corto.
request-too_long = El campo «{ $label }» no puede tener más de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] carácter
       *[other] caracteres
    }.
request-too_long-bare = El campo «{ $label }» es demasiado largo.
request-invalid_format = El campo «{ $label }» no tiene un formato válido.
request-invalid_format-email = El campo «{ $label }» debe contener una dirección de correo electrónico válida, por ejemplo, nombre@example.com.
request-invalid_format-offerId = El campo «{ $label }» debe constar de una letra de tipo de oferta, 9 dígitos, un guion bajo (_) y un código de país, por ejemplo, S565568989_US.
request-invalid_format-publisherId = El campo «{ $label }» debe tener exactamente 9 dígitos.
request-invalid_format-locale = El campo «{ $label }» debe contener un código de idioma, seguido opcionalmente de un guion bajo (_) y un código de región, por ejemplo, es_ES.
request-invalid_format-country = El campo «{ $label }» debe contener un código de país de dos letras mayúsculas, por ejemplo, ES.
request-invalid_format-currency = El campo «{ $label }» debe contener un código de moneda de tres letras mayúsculas, por ejemplo, EUR.
request-invalid_format-customerIP = El campo «{ $label }» debe contener una dirección IPv4 o IPv6.
request-invalid_format-captchaValue = El campo «{ $label }» solo puede contener letras sin acentos ni ñ, números y símbolos habituales, sin espacios.
request-missing_letter = El campo «{ $label }» debe contener al menos una letra.
request-missing_digit_or_special = El campo «{ $label }» debe contener al menos un número o uno de estos caracteres: ! @ # $ % ^ &
request-unknown_offer_type = El campo «{ $label }» debe empezar por un tipo de oferta: S (suscripción), P (pase), E (evento en directo), R (alquiler) o A (compra única).
request-unknown_code = El campo «{ $label }» no contiene un código válido.
request-unknown_code-suggestion = El campo «{ $label }» no contiene un código válido. ¿Quiso decir { $suggestion }?
request-unknown_code-offerId = El campo «{ $label }» debe terminar en un código de país válido.
request-unknown_code-offerId-suggestion = El campo «{ $label }» debe terminar en un código de país válido. ¿Quiso decir { $suggestion }?
request-unknown_code-locale = El campo «{ $label }» debe contener un código de idioma y un código de región válidos.
request-unknown_code-locale-suggestion = El campo «{ $label }» debe contener un código de idioma y un código de región válidos. ¿Quiso decir { $suggestion }?
request-unknown_code-country = El campo «{ $label }» debe contener un código de país válido.
request-unknown_code-country-suggestion = El campo «{ $label }» debe contener un código de país válido. ¿Quiso decir { $suggestion }?
request-unknown_code-currency = El campo «{ $label }» debe contener una moneda en circulación.
request-not_supported = Este servicio no admite el valor del campo «{ $label }».
request-not_supported-locale = Este servicio no admite esta combinación de idioma y región.
request-not_supported-currency = Este servicio no admite esta moneda.
request-control_character = El campo «{ $label }» no puede contener saltos de línea, tabulaciones ni otros caracteres especiales invisibles.
request-no_visible_character = El campo «{ $label }» debe contener al menos un carácter visible.
request-surrounding_whitespace = El campo «{ $label }» no puede empezar ni terminar con un espacio.
request-too_large = El campo «{ $label }» no puede ocupar más de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }.
request-too_large-bare = El campo «{ $label }» es demasiado grande.
request-invalid_json = El campo «{ $label }» contiene datos con un formato no válido.
request-too_deep = El campo «{ $label }» no puede tener más de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] nivel
       *[other] niveles
    } de anidamiento.
request-too_deep-bare = El campo «{ $label }» tiene demasiados niveles de anidamiento.
request-not_an_object = El campo «{ $label }» no tiene la estructura de datos esperada.
request-unknown_field = El campo «{ $label }» no forma parte del formulario de registro.
request-duplicate_field = El campo «{ $label }» aparece más de una vez.
request-invalid = El campo «{ $label }» no es válido.
request-service = El campo «{ $label }» { $sentence }.

## Errores de toda la solicitud

request-offer_or_publisher_required-body = Se necesita el ID de la oferta o el ID del editor.
request-malformed_body-body = No se pudo leer la solicitud porque su formato no es válido.
request-too_large-body = La solicitud no puede ocupar más de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }.
request-too_large-body-bare = La solicitud es demasiado grande.
request-too_many_errors-body = Hay más de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] error
       *[other] errores
    }; los demás no se muestran.
request-too_many_errors-body-bare = Hay demasiados errores; los demás no se muestran.
request-invalid-body = La solicitud no es válida.

## Errores en un campo desconocido

request-unknown_field-key = Este campo no forma parte del formulario de registro.
request-duplicate_field-key = Este campo aparece más de una vez.
request-invalid-key = Este campo no es válido.

## Avisos

advisory-customer_ip_missing = No se indicó ninguna dirección IP: Cleeng calculará el precio según la dirección desde la que se envió la solicitud, pero los impuestos de Estados Unidos y Canadá requieren la dirección IP del propio cliente.
advisory-customer_ip_not_public = La dirección IP no es pública, por lo que no se puede asociar a un país a efectos fiscales.
advisory-offer_country_mismatch = El país del ID de la oferta no coincide con el país del cliente.

## Documento de problema

problem-title = Datos de la solicitud no válidos
problem-detail = Hay que corregir { NUMBER($count, useGrouping: 0) } { $count ->
        [one] error
       *[other] errores
    }.

## Columnas de la plantilla de migración

column-first-name = Nombre
column-last-name = Apellidos
column-email = Correo electrónico
column-locale = Idioma y región
column-last-login = Último inicio de sesión
column-create-date = Fecha de creación
column-country-code = Código de país
column-currency = Moneda
column-ip-address = Dirección IP
column-timezone = Zona horaria
column-external-id = ID externo
column-password-hash = Hash de la contraseña

## Errores del archivo de migración

migration-invalid_format-last-login = El campo «{ $label }» debe contener una fecha válida con el formato AAAA-MM-DD.
migration-invalid_format-create-date = El campo «{ $label }» debe contener una fecha válida con el formato AAAA-MM-DD.
migration-invalid_format-password-hash = El campo «{ $label }» debe tener entre 1 y 1024 caracteres ASCII imprimibles, sin espacios.
migration-unknown_code-timezone = El campo «{ $label }» debe contener el nombre de una zona horaria de la IANA, por ejemplo, Europe/Madrid.
migration-in_future = El campo «{ $label }» no puede ser posterior a la fecha de la comprobación.
migration-invalid_order = El campo «{ $label }» no puede ser posterior a la fecha del último inicio de sesión.
migration-duplicate_value = El campo «{ $label }» repite el valor de la fila { NUMBER($firstRow, useGrouping: 0) }; cada valor debe ser único en el archivo.
migration-duplicate_value-bare = El campo «{ $label }» repite el valor de una fila anterior; cada valor debe ser único en el archivo.
migration-missing_column = Falta en la cabecera la columna «{ $column }» de la plantilla.
migration-duplicate_column = La columna «{ $column }» aparece más de una vez en la cabecera (se repite en la celda { NUMBER($position, useGrouping: 0) }).
migration-duplicate_column-bare = La columna «{ $column }» aparece más de una vez en la cabecera.
migration-unknown_column-record = La celda { NUMBER($position, useGrouping: 0) } de la cabecera no corresponde a ninguna columna de la plantilla de migración de usuarios.
migration-unknown_column-record-bare = Una celda de la cabecera no corresponde a ninguna columna de la plantilla de migración de usuarios.
migration-malformed_row-record = El registro ocupa más de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }, más de lo que puede ocupar cualquier registro válido.
migration-malformed_row-record-bare = El registro debe estar codificado en UTF-8, tener exactamente un campo por cada columna de la plantilla y cerrar las comillas de todo campo entrecomillado.
migration-invalid-record = El registro no es válido.

## Avisos de la migración

migration-advisory-currency_defaulted = No se indicó ninguna moneda: Cleeng importará al cliente con la moneda predeterminada, EUR.
migration-advisory-customer_ip_not_public = La dirección IP no es pública, por lo que no se puede asociar a un país a efectos fiscales.
migration-advisory-too_many_records = El archivo tiene más de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] registro
       *[other] registros
    }, más de los que Cleeng puede importar de una vez.
