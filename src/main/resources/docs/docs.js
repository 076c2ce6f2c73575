// Swagger UI over this server's own API document; "Authorize" takes the X-API-KEY.
window.ui = SwaggerUIBundle({
  url: "/v5/openapi.yaml",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: false
});
