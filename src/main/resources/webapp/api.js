// The app's only way to the server: the public /v5 API with the signed-in key in the
// X-API-KEY header (never in a URL). Every failure becomes an ApiError whose message is
// written for a person; `retryable` marks the ones worth trying again (network, 503, 5xx).

const KEY_STORAGE = "datasets.apiKey";

/** The key lives in sessionStorage: this tab, until it closes or the user signs out. */
export const session = {
  key: () => sessionStorage.getItem(KEY_STORAGE),
  signIn: (key) => sessionStorage.setItem(KEY_STORAGE, key),
  signOut: () => sessionStorage.removeItem(KEY_STORAGE),
};

export class ApiError extends Error {
  constructor(status, message, { retryable = false, detail = null } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.retryable = retryable;
    this.detail = detail;
  }
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query || {})) {
    if (value === undefined || value === null || value === "") continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
  }
  const text = params.toString();
  return `/v5${path}${text ? "?" + text : ""}`;
}

/** "loc: msg" for each entry of a 422's detail list (the leading body/query/path is dropped). */
function describeValidation(detail) {
  return detail.map((entry) => {
    const loc = (entry.loc || []).slice(1).join(".");
    return loc ? `${loc}: ${entry.msg}` : entry.msg;
  }).join("; ");
}

/** The person-readable message for an error response: the API's own words first. */
export function errorFor(status, body, headers) {
  const detail = body && body.detail !== undefined ? body.detail : null;
  const said = Array.isArray(detail) ? describeValidation(detail) : typeof detail === "string" ? detail : "";
  const requestId = headers?.get?.("X-Request-Id");
  switch (status) {
    case 401:
      return new ApiError(401, "The server did not accept the API key. Sign in again with a valid key.", { detail });
    case 404:
      return new ApiError(404, `Not found: ${said || "the server has no such item (it may have been deleted)."}`, { detail });
    case 409:
      return new ApiError(409, `Conflict: ${said}`, { detail });
    case 412:
      return new ApiError(412, "This dataset was changed elsewhere since the page was loaded, so nothing was written. "
        + "Reload to see its current state, then try again.", { detail });
    case 413:
      return new ApiError(413, `Too large: ${said || "the server refused a request this big."}`, { detail });
    case 422:
      return new ApiError(422, `The server refused the request: ${said}`, { detail });
    case 503:
      return new ApiError(503, "The server cannot reach its database right now (503). Try again in a few seconds.",
        { retryable: true, detail });
    default:
      if (status >= 500) {
        return new ApiError(status, `The server failed to answer (${status}${requestId ? `, request id ${requestId}` : ""}). `
          + "Try again; if it keeps failing, tell whoever runs the server.", { retryable: true, detail });
      }
      return new ApiError(status, `The server answered ${status}${said ? ": " + said : ""}.`, { detail });
  }
}

const NETWORK_ERROR = "Could not reach the server (network error). Check the connection, then try again.";

async function parse(response) {
  const type = response.headers.get("Content-Type") || "";
  if (response.status === 204) return null;
  if (type.includes("json")) {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * A client bound to one key. `onUnauthorized` runs when the server answers 401 (the key was
 * revoked or the server restarted with other keys).
 */
export function client(key, onUnauthorized = () => {}) {
  async function request(method, path, { query, body, ifMatch } = {}) {
    const headers = { "X-API-KEY": key, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (ifMatch) headers["If-Match"] = ifMatch;
    let response;
    try {
      response = await fetch(url(path, query), {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store",
      });
    } catch {
      throw new ApiError(0, NETWORK_ERROR, { retryable: true });
    }
    const json = await parse(response);
    if (!response.ok) {
      if (response.status === 401) onUnauthorized();
      throw errorFor(response.status, json, response.headers);
    }
    return { json, etag: response.headers.get("ETag"), status: response.status };
  }

  return {
    get: async (path, query) => (await request("GET", path, { query })).json,
    /** GET that also returns the ETag (§8.3), for writes made later with If-Match. */
    getWithEtag: (path, query) => request("GET", path, { query }),
    send: (method, path, options) => request(method, path, options),

    /** A file from the API as a download: fetched with the key in the header, saved through a blob URL. */
    async download(path, query, fallbackName) {
      let response;
      try {
        response = await fetch(url(path, query), { headers: { "X-API-KEY": key }, cache: "no-store" });
      } catch {
        throw new ApiError(0, NETWORK_ERROR, { retryable: true });
      }
      if (!response.ok) {
        if (response.status === 401) onUnauthorized();
        throw errorFor(response.status, await parse(response), response.headers);
      }
      const disposition = response.headers.get("Content-Disposition") || "";
      const named = /filename="([^"]+)"/.exec(disposition);
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const anchor = document.createElement("a");
      anchor.href = href;
      anchor.download = named ? named[1] : fallbackName;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
      return { name: anchor.download, bytes: blob.size };
    },

    /**
     * multipart/form-data upload with progress: fetch cannot report upload progress, so this
     * one request uses XMLHttpRequest. `onProgress(sentBytes, totalBytes)`.
     */
    upload(path, query, form, { ifMatch, onProgress } = {}) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open("POST", url(path, query));
        xhr.setRequestHeader("X-API-KEY", key);
        xhr.setRequestHeader("Accept", "application/json");
        if (ifMatch) xhr.setRequestHeader("If-Match", ifMatch);
        xhr.upload.addEventListener("progress", (event) => onProgress?.(event.loaded, event.total));
        xhr.addEventListener("error", () => reject(new ApiError(0, NETWORK_ERROR, { retryable: true })));
        xhr.addEventListener("load", () => {
          let json = null;
          try {
            json = JSON.parse(xhr.responseText);
          } catch {
            json = null;
          }
          if (xhr.status >= 200 && xhr.status < 300) {
            resolve(json);
            return;
          }
          if (xhr.status === 401) onUnauthorized();
          reject(errorFor(xhr.status, json, { get: (name) => xhr.getResponseHeader(name) }));
        });
        xhr.send(form);
      });
    },
  };
}
