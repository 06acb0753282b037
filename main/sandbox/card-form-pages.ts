// The browser side of the stand-in card SDK (docs/iotpay-api.md §4.3): iotpaycc.js, the iframe form, the hosted page.
// Same shape as IOTPay's: `Iotpay(secureId, 'Pay'|'Add', options).mount(selector, callback)`, and the callback
// event `{result, message, detail:{retCode, retMsg, retData}}`.
import { escapeHtml } from './http-exchange.js';

export type CardMode = 'Pay' | 'Add';

/** The SDK script; `origin` is the sandbox's own, so the script only trusts messages from its own iframe. */
export function iotpayScript(origin: string): string {
  return `(function () {
  var ORIGIN = ${JSON.stringify(origin)};
  function Iotpay(secureId, mode, options) {
    if (mode !== 'Pay' && mode !== 'Add') throw new Error("Iotpay: mode must be 'Pay' or 'Add'");
    return {
      mount: function (selector, callback) {
        var host = typeof selector === 'string' ? document.querySelector(selector) : selector;
        if (!host) throw new Error('Iotpay: no element matches ' + selector);
        var iframe = document.createElement('iframe');
        iframe.src = ORIGIN + '/cc/form?key=' + encodeURIComponent(secureId) + '&mode=' + mode +
          (options && options.darkMode ? '&dark=1' : '');
        iframe.title = 'Card payment';
        iframe.style.border = '0';
        iframe.style.width = '100%';
        iframe.style.height = '330px';
        function onMessage(event) {
          if (event.origin !== ORIGIN || event.source !== iframe.contentWindow) return;
          var data = event.data;
          if (!data || data.type !== 'iotpay-sandbox-result') return;
          callback(data.event);
        }
        window.addEventListener('message', onMessage);
        host.innerHTML = '';
        host.appendChild(iframe);
        return { unmount: function () { window.removeEventListener('message', onMessage); iframe.remove(); } };
      }
    };
  }
  window.Iotpay = Iotpay;
})();
`;
}

const STYLE = `body{font-family:sans-serif;margin:12px}label{display:block;margin:6px 0}input{font-size:16px;width:100%;box-sizing:border-box}
button{margin-top:10px;font-size:16px;padding:8px 16px}#message{margin-top:8px;min-height:1.2em}body.dark{background:#222;color:#eee}`;

function fields(mode: CardMode): string {
  return `<label>Card number <input name="cardNumber" id="cardNumber" inputmode="numeric" autocomplete="cc-number" required></label>
<label>Expiry (MM/YY) <input name="expiry" id="expiry" autocomplete="cc-exp" required pattern="\\d{2}/?\\d{2}"></label>
<label>CVV <input name="cvv" id="cvv" inputmode="numeric" autocomplete="cc-csc" required pattern="\\d{3,4}"></label>
<label>Cardholder <input name="holder" id="holder" autocomplete="cc-name"></label>
<button type="submit" id="submit">${mode === 'Pay' ? 'Pay' : 'Save card'}</button>
<div id="message" role="status"></div>`;
}

const LUHN = `function luhn(d){if(!/^\\d{12,19}$/.test(d))return false;var s=0;for(var i=0;i<d.length;i++){var n=+d[d.length-1-i];if(i%2){n*=2;if(n>9)n-=9}s+=n}return s%10===0}`;

/** The iframe: posts to /cc/submit and reports the result to the parent page with postMessage. */
export function iframePage(secureId: string, mode: CardMode, dark: boolean): string {
  // The result carries no secret (masked card only), and the embedding app's origin is unknown
  // (an app protocol in Electron), hence postMessage to '*'; iotpaycc.js checks the message's source.
  const script = `${LUHN}
var form=document.getElementById('card'),msg=document.getElementById('message');
function report(detail){var ok=detail.retCode==='SUCCESS';var event={result:ok?'SUCCESS':'FAIL',message:detail.retMsg||(ok?'Approved':'Declined'),detail:detail};
msg.textContent=event.message;parent.postMessage({type:'iotpay-sandbox-result',event:event},'*')}
form.addEventListener('submit',function(e){e.preventDefault();var number=form.cardNumber.value.replace(/[\\s-]/g,'');
if(!luhn(number)){msg.textContent='Card number is invalid';return}
document.getElementById('submit').disabled=true;msg.textContent='Processing…';
fetch('/cc/submit',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({secureId:${JSON.stringify(secureId)},
cardNumber:number,expiry:form.expiry.value,cvv:form.cvv.value,holder:form.holder.value})})
.then(function(r){return r.json()}).then(report,function(){report({retCode:'FAIL',retMsg:'network error'})})});`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Card</title><style>${STYLE}</style></head>
<body class="${dark ? 'dark' : ''}"><form id="card" novalidate>${fields(mode)}</form><script>${script}</script></body></html>`;
}

/** The hosted (redirect-flow) page: a plain form post; the sandbox answers with a redirect to returnUrl. */
export function hostedPage(secureId: string, mode: CardMode, error: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>IOTPay sandbox</title><style>${STYLE}</style></head>
<body><h1>${mode === 'Pay' ? 'Card payment' : 'Save a card'} (sandbox)</h1>
<form method="post" action="/cc/hosted"><input type="hidden" name="key" value="${escapeHtml(secureId)}">
<input type="hidden" name="mode" value="${mode}">${fields(mode)}</form>
<p id="error">${escapeHtml(error)}</p></body></html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>IOTPay sandbox</title></head><body><p>${escapeHtml(message)}</p></body></html>`;
}
