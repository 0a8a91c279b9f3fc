#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| cleeng_register_fuzz::users_csv(data));
