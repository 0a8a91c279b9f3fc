### cleeng-register: mensagens em português do Brasil (formas impessoais; “você” onde é natural). Estrutura e ids: ver ../en/register.ftl.

## Rótulos dos campos

field-email = E-mail
field-password = Senha
field-offerId = ID da oferta
field-publisherId = ID do editor
field-locale = Idioma e região
field-country = País
field-currency = Moeda
field-firstName = Nome
field-lastName = Sobrenome
field-externalId = ID externo
field-externalData = Dados adicionais
field-customerIP = Endereço IP
field-captchaValue = CAPTCHA

## Erros em um campo ($label: rótulo do campo)

request-missing = O campo “{ $label }” é obrigatório.
request-not_a_string = O campo “{ $label }” deve conter texto.
request-too_short = O campo “{ $label }” deve ter pelo menos { NUMBER($min, useGrouping: 0) } { $min ->
        [one] caractere
       *[other] caracteres
    }.
request-too_short-bare = O campo “{ $label }” está muito curto.
request-too_long = O campo “{ $label }” deve ter no máximo { NUMBER($max, useGrouping: 0) } { $max ->
        [one] caractere
       *[other] caracteres
    }.
request-too_long-bare = O campo “{ $label }” está muito longo.
request-invalid_format = O campo “{ $label }” não tem um formato válido.
request-invalid_format-email = O campo “{ $label }” deve conter um endereço de e-mail válido, como nome@example.com.
request-invalid_format-offerId = O campo “{ $label }” deve ser formado por uma letra do tipo de oferta, 9 dígitos, um sublinhado (_) e um código de país, como S565568989_US.
request-invalid_format-publisherId = O campo “{ $label }” deve ter exatamente 9 dígitos.
request-invalid_format-locale = O campo “{ $label }” deve conter um código de idioma, seguido opcionalmente de um sublinhado (_) e de um código de região, como pt_BR.
request-invalid_format-country = O campo “{ $label }” deve conter um código de país de duas letras maiúsculas, como BR.
request-invalid_format-currency = O campo “{ $label }” deve conter um código de moeda de três letras maiúsculas, como BRL.
request-invalid_format-customerIP = O campo “{ $label }” deve conter um endereço IPv4 ou IPv6.
request-invalid_format-captchaValue = O campo “{ $label }” só pode conter letras sem acento nem cedilha, números e símbolos comuns, sem espaços.
request-missing_letter = O campo “{ $label }” deve conter pelo menos uma letra.
request-missing_digit_or_special = O campo “{ $label }” deve conter pelo menos um número ou um destes caracteres: ! @ # $ % ^ &
request-unknown_offer_type = O campo “{ $label }” deve começar com um tipo de oferta: S (assinatura), P (passe), E (evento ao vivo), R (aluguel) ou A (compra avulsa).
request-unknown_code = O campo “{ $label }” não contém um código válido.
request-unknown_code-suggestion = O campo “{ $label }” não contém um código válido. Você quis dizer { $suggestion }?
request-unknown_code-offerId = O campo “{ $label }” deve terminar com um código de país válido.
request-unknown_code-offerId-suggestion = O campo “{ $label }” deve terminar com um código de país válido. Você quis dizer { $suggestion }?
request-unknown_code-locale = O campo “{ $label }” deve conter um código de idioma e um código de região válidos.
request-unknown_code-locale-suggestion = O campo “{ $label }” deve conter um código de idioma e um código de região válidos. Você quis dizer { $suggestion }?
request-unknown_code-country = O campo “{ $label }” deve conter um código de país válido.
request-unknown_code-country-suggestion = O campo “{ $label }” deve conter um código de país válido. Você quis dizer { $suggestion }?
request-unknown_code-currency = O campo “{ $label }” deve conter uma moeda em circulação.
request-not_supported = Este serviço não aceita o valor do campo “{ $label }”.
request-not_supported-locale = Este serviço não aceita esta combinação de idioma e região.
request-not_supported-currency = Este serviço não aceita esta moeda.
request-control_character = O campo “{ $label }” não pode conter quebras de linha, tabulações nem outros caracteres especiais invisíveis.
request-no_visible_character = O campo “{ $label }” deve conter pelo menos um caractere visível.
request-surrounding_whitespace = O campo “{ $label }” não pode começar nem terminar com espaço.
request-too_large = O campo “{ $label }” deve ter no máximo { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }.
request-too_large-bare = O campo “{ $label }” está muito grande.
request-invalid_json = O campo “{ $label }” contém dados em um formato inválido.
request-too_deep = O campo “{ $label }” não pode ter mais de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] nível
       *[other] níveis
    } de aninhamento.
request-too_deep-bare = O campo “{ $label }” tem níveis de aninhamento demais.
request-not_an_object = O campo “{ $label }” não tem a estrutura de dados esperada.
request-unknown_field = O campo “{ $label }” não faz parte do formulário de cadastro.
request-duplicate_field = O campo “{ $label }” foi informado mais de uma vez.
request-invalid = O campo “{ $label }” não é válido.
request-service = O campo “{ $label }” { $sentence }.

## Erros da solicitação inteira

request-offer_or_publisher_required-body = É obrigatório informar o ID da oferta ou o ID do editor.
request-malformed_body-body = Não foi possível ler a solicitação porque ela está em um formato inválido.
request-too_large-body = A solicitação deve ter no máximo { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }.
request-too_large-body-bare = A solicitação é muito grande.
request-too_many_errors-body = Há mais de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] erro
       *[other] erros
    }; nem todos são exibidos.
request-too_many_errors-body-bare = Há muitos erros; nem todos são exibidos.
request-invalid-body = A solicitação não é válida.

## Erros em um campo desconhecido

request-unknown_field-key = Este campo não faz parte do formulário de cadastro.
request-duplicate_field-key = Este campo foi informado mais de uma vez.
request-invalid-key = Este campo não é válido.

## Avisos

advisory-customer_ip_missing = Nenhum endereço IP foi informado: a Cleeng calculará o preço com base no endereço de onde a solicitação foi enviada, mas os impostos dos Estados Unidos e do Canadá exigem o endereço IP do próprio cliente.
advisory-customer_ip_not_public = O endereço IP não é público e, por isso, não pode ser associado a um país para fins fiscais.
advisory-offer_country_mismatch = O país do ID da oferta é diferente do país do cliente.

## Documento de problema

problem-title = Dados da solicitação inválidos
problem-detail = { NUMBER($count, useGrouping: 0) } { $count ->
        [one] erro precisa ser corrigido
       *[other] erros precisam ser corrigidos
    }.

## Colunas do modelo de migração

column-first-name = Nome
column-last-name = Sobrenome
column-email = E-mail
column-locale = Idioma e região
column-last-login = Último login
column-create-date = Data de criação
column-country-code = Código do país
column-currency = Moeda
column-ip-address = Endereço IP
column-timezone = Fuso horário
column-external-id = ID externo
column-password-hash = Hash da senha

## Erros do arquivo de migração

migration-invalid_format-last-login = O campo “{ $label }” deve conter uma data válida no formato AAAA-MM-DD.
migration-invalid_format-create-date = O campo “{ $label }” deve conter uma data válida no formato AAAA-MM-DD.
migration-invalid_format-password-hash = O campo “{ $label }” deve ter de 1 a 1024 caracteres ASCII imprimíveis, sem espaços.
migration-unknown_code-timezone = O campo “{ $label }” deve conter o nome de um fuso horário IANA, como America/Sao_Paulo.
migration-in_future = O campo “{ $label }” não pode ser posterior à data da verificação.
migration-invalid_order = O campo “{ $label }” não pode ser posterior à data do último login.
migration-duplicate_value = O campo “{ $label }” repete o valor da linha { NUMBER($firstRow, useGrouping: 0) }; cada valor deve ser único no arquivo.
migration-duplicate_value-bare = O campo “{ $label }” repete o valor de uma linha anterior; cada valor deve ser único no arquivo.
migration-missing_column = Falta no cabeçalho a coluna “{ $column }” do modelo.
migration-duplicate_column = A coluna “{ $column }” aparece mais de uma vez no cabeçalho (repetida na célula { NUMBER($position, useGrouping: 0) }).
migration-duplicate_column-bare = A coluna “{ $column }” aparece mais de uma vez no cabeçalho.
migration-unknown_column-record = A célula { NUMBER($position, useGrouping: 0) } do cabeçalho não corresponde a nenhuma coluna do modelo de migração de usuários.
migration-unknown_column-record-bare = Uma célula do cabeçalho não corresponde a nenhuma coluna do modelo de migração de usuários.
migration-malformed_row-record = O registro tem mais de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] byte
       *[other] bytes
    }, mais do que qualquer registro válido pode ter.
migration-malformed_row-record-bare = O registro deve estar codificado em UTF-8, ter exatamente um campo para cada coluna do modelo e fechar todas as aspas abertas.
migration-invalid-record = O registro não é válido.

## Avisos da migração

migration-advisory-currency_defaulted = Nenhuma moeda foi informada: a Cleeng importará o cliente com a moeda padrão, EUR.
migration-advisory-customer_ip_not_public = O endereço IP não é público e, por isso, não pode ser associado a um país para fins fiscais.
migration-advisory-too_many_records = O arquivo tem mais de { NUMBER($max, useGrouping: 0) } { $max ->
        [one] registro
       *[other] registros
    }, mais do que a Cleeng consegue importar de uma vez.
