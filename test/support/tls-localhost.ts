/**
 * A self-signed certificate for 127.0.0.1 and localhost, valid until 2126, and its key: a
 * test's own HTTPS server, trusted by passing the certificate as the client's only CA. Made with
 * `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
 * -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1`.
 */
export const LOCALHOST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUFoHXx5RQQEpi+BgbqKbwQFORo3cwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMjAwMDQyN1oYDzIxMjYxMTA4
MDAwNDI3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATtwI1/pSY81OgZuiVw/sdp6kZ/uDh+c2x++AehYNftObThsJSiuMEl
vBUl2uhZL/EiphNrIEiZ5NCE+VvRng1/o28wbTAdBgNVHQ4EFgQURxwXp1/Pwmew
90aUONX7+/1aVDMwHwYDVR0jBBgwFoAURxwXp1/Pwmew90aUONX7+/1aVDMwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDRwAwRAIgTv/GVTV5MsfUqqbpYyZRAFdPytbeVHxm/KgjzW5Ug/cCIDcd
8WVtTvrtG6l7zXlUDVXU84SlG0119txGG+mMvf9z
-----END CERTIFICATE-----
`;

export const LOCALHOST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgfbmLW/AKSj9Lce5g
+VRibBygzu1Hf4ghIQ2TAEcY/duhRANCAATtwI1/pSY81OgZuiVw/sdp6kZ/uDh+
c2x++AehYNftObThsJSiuMElvBUl2uhZL/EiphNrIEiZ5NCE+VvRng1/
-----END PRIVATE KEY-----
`;
