#[test]
fn runs_on_its_own_cpu() {
    assert_eq!(testme::arch(), std::env::consts::ARCH);
    assert_eq!(testme::add(20, 22), 42);
}
