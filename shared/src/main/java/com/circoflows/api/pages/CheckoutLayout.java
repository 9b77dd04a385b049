package com.circoflows.api.pages;

import com.circoflows.domain.branding.Branding;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frame, style and script of the hosted payment page. Mobile first: one column up to 880 px, then
 * the order summary on the left and the form on the right. The page is complete without the script;
 * the script only checks fields as the customer types, groups the card number, and stops double submits;
 * where a bank transfer is offered it makes card and transfer two tabs, and on a transfer's instructions it
 * shows a Copy button beside each value. Test mode's wallet form is sent once however often it is pressed (its
 * button is not disabled: a disabled submitter would drop the wallet it names from the form).
 */
final class CheckoutLayout {
    private CheckoutLayout() {
    }

    /**
     * @param refreshSeconds with {@code refreshUrl}: reload there after this many seconds (no script needed)
     * @param branding       the merchant's colours and button shape (the defaults where no merchant is known)
     * @param words          the page's language, which the script's messages speak too
     */
    static String render(String title, String nonce, String bodyHtml, boolean withScript, int refreshSeconds,
            String refreshUrl, Branding branding, Words words) {
        return render(title, nonce, bodyHtml, withScript ? "checkout-body" : "status-body", withScript, refreshSeconds,
                refreshUrl, branding, words);
    }

    /**
     * @param bodyClass "checkout-body" (summary beside the form on wide screens) or "status-body" (one centred
     *                  panel)
     */
    static String render(String title, String nonce, String bodyHtml, String bodyClass, boolean withScript,
            int refreshSeconds, String refreshUrl, Branding branding, Words words) {
        return "<!doctype html>\n<html lang=\"" + words.language().tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">"
                + "<meta name=\"format-detection\" content=\"telephone=no\">"
                + (refreshUrl == null ? ""
                        : "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + ";url="
                                + Html.escape(refreshUrl.replace("'", "%27")) + "\">")
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<title>" + Html.escape(title) + "</title>"
                + "<style nonce=\"" + nonce + "\">" + STYLE + BrandLogo.STYLE + WalletButtons.STYLE + BrandStyle.checkout(branding) + "</style></head>"
                + "<body class=\"" + bodyClass + "\">" + bodyHtml
                + (withScript ? "<script nonce=\"" + nonce + "\">" + SCRIPTS.get(words.language()) + "</script>" : "")
                + "</body></html>";
    }

    static final String LOCK_ICON = "<svg class=\"icon\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" aria-hidden=\"true\""
            + " focusable=\"false\"><path fill=\"currentColor\" d=\"M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12"
            + "a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 1 1 6 0v3H9z\"/></svg>";

    static final String SUCCESS_ICON = "<svg class=\"status-icon ok\" viewBox=\"0 0 48 48\" width=\"56\" height=\"56\""
            + " aria-hidden=\"true\" focusable=\"false\"><circle cx=\"24\" cy=\"24\" r=\"22\" fill=\"currentColor\"/>"
            + "<path d=\"M14 24.5l7 7 13-14\" fill=\"none\" stroke=\"#fff\" stroke-width=\"4\" stroke-linecap=\"round\""
            + " stroke-linejoin=\"round\"/></svg>";

    static final String WAIT_ICON = "<svg class=\"status-icon wait\" viewBox=\"0 0 48 48\" width=\"56\" height=\"56\""
            + " aria-hidden=\"true\" focusable=\"false\"><circle cx=\"24\" cy=\"24\" r=\"22\" fill=\"currentColor\"/>"
            + "<path d=\"M24 12v12l8 5\" fill=\"none\" stroke=\"#fff\" stroke-width=\"4\" stroke-linecap=\"round\""
            + " stroke-linejoin=\"round\"/></svg>";

    static final String STOP_ICON = "<svg class=\"status-icon stop\" viewBox=\"0 0 48 48\" width=\"56\" height=\"56\""
            + " aria-hidden=\"true\" focusable=\"false\"><circle cx=\"24\" cy=\"24\" r=\"22\" fill=\"currentColor\"/>"
            + "<path d=\"M24 13v14\" stroke=\"#fff\" stroke-width=\"4\" stroke-linecap=\"round\"/>"
            + "<circle cx=\"24\" cy=\"34\" r=\"2.6\" fill=\"#fff\"/></svg>";

    private static final String STYLE = """
            *,*::before,*::after{box-sizing:border-box}
            [hidden]{display:none!important}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0;min-height:100vh;background:#f3f4f7;color:#1a1f2c;
            font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
            a{color:#1f4fd1}
            a:focus-visible,button:focus-visible,.button:focus-visible{outline:3px solid #1a1f2c;outline-offset:2px;
            box-shadow:0 0 0 6px #a9c1ff;border-radius:8px}
            .visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;
            clip:rect(0,0,0,0);white-space:nowrap;border:0}
            .checkout{max-width:480px;margin:0 auto;padding:20px 16px 32px}
            .summary{padding:4px 4px 20px}
            .merchant{display:flex;align-items:center;gap:10px;flex-wrap:wrap;margin:0 0 14px;font-weight:600}
            .logo{flex:none;width:32px;height:32px;border-radius:50%;background:#1f4fd1;color:#fff;display:inline-flex;
            align-items:center;justify-content:center;font-size:.95rem;font-weight:700;text-transform:uppercase}
            .merchant-name{overflow-wrap:anywhere}
            .badge{display:inline-block;background:#ffe8b3;color:#6b4700;border-radius:999px;padding:1px 10px;
            font-size:.75rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase}
            .pay-heading{margin:0}
            .eyebrow{display:block;color:#4f5868;font-size:1rem;font-weight:500}
            .amount{display:block;font-size:2.25rem;line-height:1.15;font-weight:700;letter-spacing:-.01em;
            font-variant-numeric:tabular-nums;margin-top:2px}
            .description{margin:8px 0 0;color:#4f5868;overflow-wrap:anywhere}
            .panel{background:#fff;border-radius:14px;padding:22px 20px;
            box-shadow:0 1px 2px rgba(16,24,40,.06),0 8px 24px rgba(16,24,40,.08)}
            .panel h2{font-size:1.15rem;margin:0 0 16px}
            fieldset{border:0;margin:0 0 8px;padding:0;min-width:0}
            legend{font-weight:600;font-size:1rem;margin:0 0 10px;padding:0}
            .field{margin:0 0 16px}
            label{display:block;font-weight:500;margin:0 0 6px}
            .hint{color:#4f5868;font-size:.875rem;margin:-4px 0 6px}
            input{display:block;width:100%;font:inherit;font-size:16px;line-height:1.4;padding:11px 12px;color:#1a1f2c;
            background:#fff;border:1px solid #737d8f;border-radius:8px;appearance:none;-webkit-appearance:none;margin:0}
            input::placeholder{color:#6b7485;opacity:1}
            input:hover{border-color:#4f5868}
            input:focus{outline:3px solid #a9c1ff;outline-offset:0;border-color:#1f4fd1}
            input[aria-invalid=true]{border-color:#b42318;border-width:2px;padding:10px 11px}
            input[aria-invalid=true]:focus{outline-color:#f4b4ae}
            .mono{font-variant-numeric:tabular-nums;letter-spacing:.02em}
            .field-error{display:flex;gap:6px;color:#b42318;font-size:.9rem;font-weight:500;margin:6px 0 0}
            .field-error::before{content:"!";flex:none;width:18px;height:18px;margin-top:1px;border-radius:50%;background:#b42318;
            color:#fff;font-size:.75rem;font-weight:700;display:inline-flex;align-items:center;justify-content:center}
            .row{display:grid;grid-template-columns:1fr 1fr;gap:12px}
            .row .field{min-width:0}
            .notice{border-radius:10px;padding:14px 16px;margin:0 0 18px;border:1px solid}
            .notice h2,.error-summary h2{font-size:1rem;margin:0 0 4px}
            .notice p{margin:0}
            .notice-error{background:#fef3f2;border-color:#f4b4ae;color:#7a1a12}
            .error-summary{background:#fef3f2;border:2px solid #b42318;border-radius:10px;padding:14px 16px;margin:0 0 18px;
            color:#7a1a12}
            .error-summary:focus{outline:3px solid #1a1f2c;outline-offset:2px}
            .error-summary ul{margin:6px 0 0;padding-left:20px}
            .error-summary a{color:#b42318;font-weight:500}
            .error-summary .re-enter{margin:8px 0 0;font-size:.9rem}
            .pay-button,.button{display:flex;align-items:center;justify-content:center;gap:10px;width:100%;min-height:50px;
            font:inherit;font-size:1.0625rem;font-weight:600;color:#fff;background:#1f4fd1;border:0;border-radius:10px;
            padding:13px 16px;cursor:pointer;text-decoration:none;margin-top:8px}
            .pay-button:hover,.button:hover{background:#1a41ad}
            .pay-button[disabled]{background:#4a6fd8;cursor:progress}
            .spinner{width:18px;height:18px;border:3px solid rgba(255,255,255,.45);border-top-color:#fff;border-radius:50%;
            animation:spin .8s linear infinite}
            @keyframes spin{to{transform:rotate(360deg)}}
            @media (prefers-reduced-motion:reduce){.spinner{animation-duration:3s}}
            .button.secondary{background:#fff;color:#1f4fd1;border:1px solid #c5cad3}
            .button.secondary:hover{background:#f3f6ff}
            .secure{color:#4f5868;font-size:.85rem;margin:16px 0 0;text-align:center}
            .secure .icon{display:inline-block;vertical-align:-2px;margin-right:4px}
            .status-page{max-width:480px;margin:0 auto;padding:32px 16px}
            .status{text-align:center}
            .status .badge{margin-bottom:14px}
            .status-icon{display:block;margin:4px auto 12px}
            .status-icon.ok{color:#12805c}.status-icon.wait{color:#1f4fd1}.status-icon.stop{color:#b42318}
            .status h1{font-size:1.4rem;line-height:1.3;margin:0 0 8px}
            .status p{margin:0 0 12px;color:#3b4352}
            .status .lead{font-size:1.05rem;color:#1a1f2c}
            .details{margin:18px 0 8px;padding:4px 16px;background:#f6f7f9;border-radius:10px;text-align:left}
            .details div{padding:10px 0;border-top:1px solid #e4e7ec}
            .details div:first-child{border-top:0}
            .details dt{color:#4f5868;font-size:.85rem}
            .details dd{margin:0;font-weight:600;overflow-wrap:anywhere}
            .details .reference{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9rem;font-weight:500}
            .status .muted{color:#4f5868;font-size:.9rem;margin-top:14px}
            .method-tabs{display:grid;grid-template-columns:1fr 1fr;gap:4px;padding:4px;margin:0 0 20px;background:#eef0f4;
            border-radius:10px}
            .method-tabs [role=tab]{font:inherit;font-size:.95rem;font-weight:600;min-height:44px;border:0;border-radius:8px;
            background:transparent;color:#3b4352;cursor:pointer;padding:8px 10px}
            .method-tabs [role=tab][aria-selected=true]{background:#fff;color:#1a1f2c;box-shadow:0 1px 3px rgba(16,24,40,.16)}
            .method-tabs [role=tab]:focus-visible{outline:3px solid #1a1f2c;outline-offset:2px}
            .or{display:flex;align-items:center;gap:12px;color:#4f5868;margin:24px 0 18px;font-size:.9rem}
            .or::before,.or::after{content:"";flex:1;border-top:1px solid #d5d9e0}
            .transfer-option h2{font-size:1.05rem;margin:0 0 6px}
            .transfer-option .hint{margin:0 0 14px;font-size:.9rem}
            .status.transfer .details{margin-top:14px}
            .status .scheme{color:#4f5868;font-size:.9rem;margin:-4px 0 12px}
            .transfer-details dd{display:flex;align-items:center;justify-content:space-between;gap:12px}
            .transfer-details .value{flex:1 1 auto;min-width:0;overflow-wrap:anywhere}
            .mono-value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.95rem;letter-spacing:.02em}
            .copy{flex:none;font:inherit;font-size:.85rem;font-weight:600;color:#1f4fd1;background:#fff;border:1px solid #c5cad3;
            border-radius:8px;padding:5px 12px;min-height:36px;min-width:72px;cursor:pointer}
            .copy:hover{background:#f3f6ff}
            .copy.copied{color:#0c6b4c;border-color:#0c6b4c}
            .copy-area{position:fixed;top:0;left:0;width:1px;height:1px;opacity:0}
            .notice-info{background:#f3f6ff;border-color:#c9d6ff;color:#1a2b5c;text-align:left}
            .status .notice-info{margin:14px 0}
            .status.transfer .button{margin-top:10px}
            @media (min-width:880px){
            body.checkout-body{background:linear-gradient(90deg,#f3f4f7 50%,#fff 50%)}
            .checkout{max-width:1000px;display:grid;grid-template-columns:1fr 1fr;gap:0;padding:0;min-height:100vh}
            .summary{padding:96px 64px 48px 32px}
            .amount{font-size:2.75rem}
            .panel{box-shadow:none;border-radius:0;padding:96px 32px 48px 64px;max-width:none}
            .status-page{padding-top:96px}
            .status-page .panel{border-radius:14px;padding:32px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 8px 24px rgba(16,24,40,.08)}
            }
            """.replace("\n", "");

    /** The customer-facing messages, shared with the server's checks so both say exactly the same. */
    private static String messages(PageLanguage language) {
        Map<String, Text> m = new LinkedHashMap<>();
        m.put("enterEmail", CardForm.ENTER_EMAIL);
        m.put("invalidEmail", CardForm.INVALID_EMAIL);
        m.put("enterCard", CardForm.ENTER_CARD_NUMBER);
        m.put("incompleteCard", CardForm.INCOMPLETE_CARD_NUMBER);
        m.put("invalidCard", CardForm.INVALID_CARD_NUMBER);
        m.put("enterExpiry", CardForm.ENTER_EXPIRY);
        m.put("invalidExpiry", CardForm.INVALID_EXPIRY);
        m.put("expired", CardForm.EXPIRED);
        m.put("enterCvc", CardForm.ENTER_CVC);
        m.put("invalidCvc", CardForm.INVALID_CVC);
        m.put("invalidAmexCvc", CardForm.INVALID_AMEX_CVC);
        m.put("enterName", CardForm.ENTER_NAME);
        m.put("nameTooLong", CardForm.NAME_TOO_LONG);
        m.put("oneProblem", Text.ONE_PROBLEM);
        m.put("problems", Text.PROBLEMS);
        m.put("processing", Text.PROCESSING);
        m.put("copied", Text.COPIED);
        m.put("copiedStatus", Text.COPIED_STATUS);
        StringBuilder json = new StringBuilder("{");
        m.forEach((key, text) -> json.append(json.length() > 1 ? "," : "").append(key).append(':')
                .append(jsString(language.text(text))));
        return json.append('}').toString();
    }

    /** A JavaScript string literal that is also safe inside a script element. */
    static String jsString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '\'' || c < 0x20
                    || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static final String SCRIPT_TEMPLATE = """
            (function(){
            'use strict';
            var M=__MESSAGES__;
            var tablist=document.getElementById('method-tabs');
            if(tablist){
            var tabs=[document.getElementById('tab-card'),document.getElementById('tab-transfer')];
            var panels=tabs.map(function(t){return document.getElementById(t.getAttribute('aria-controls'));});
            var select=function(index,focus){tabs.forEach(function(t,k){var on=k===index;
            t.setAttribute('aria-selected',on?'true':'false');t.tabIndex=on?0:-1;panels[k].hidden=!on;});
            if(focus){tabs[index].focus();}};
            panels.forEach(function(p,k){p.setAttribute('role','tabpanel');p.setAttribute('aria-labelledby',tabs[k].id);});
            tabs.forEach(function(t,k){
            t.addEventListener('click',function(){select(k,false);});
            t.addEventListener('keydown',function(e){var to=e.key==='ArrowRight'?k+1:e.key==='ArrowLeft'?k-1:
            e.key==='Home'?0:e.key==='End'?tabs.length-1:null;if(to===null){return;}e.preventDefault();
            select((to+tabs.length)%tabs.length,true);});
            });
            document.getElementById('method-or').hidden=true;
            tablist.hidden=false;
            select(tablist.getAttribute('data-selected')==='transfer'?1:0,false);
            var transferSummary=document.getElementById('transfer-error-summary');
            if(transferSummary&&!transferSummary.hidden){transferSummary.focus();}
            }
            var transferForm=document.getElementById('transfer-form');
            if(transferForm){var sent=false;transferForm.addEventListener('submit',function(e){
            if(sent){e.preventDefault();return;}sent=true;var b=document.getElementById('transfer-button');
            b.disabled=true;b.setAttribute('aria-busy','true');});
            window.addEventListener('pageshow',function(e){if(e.persisted){sent=false;
            var b=document.getElementById('transfer-button');b.disabled=false;b.removeAttribute('aria-busy');}});}
            var walletForm=document.getElementById('test-wallet-form');
            if(walletForm){var minting=false;walletForm.addEventListener('submit',function(e){
            if(minting){e.preventDefault();return;}minting=true;});
            window.addEventListener('pageshow',function(e){if(e.persisted){minting=false;}});}
            var copyStatus=document.getElementById('copy-status');
            Array.prototype.forEach.call(document.querySelectorAll('button.copy'),function(button){
            var label=button.innerHTML,timer=null;
            button.hidden=false;
            function copied(){button.textContent=M.copied;button.classList.add('copied');
            copyStatus.textContent=M.copiedStatus.replace('{field}',button.getAttribute('data-label'));
            clearTimeout(timer);timer=setTimeout(function(){button.innerHTML=label;button.classList.remove('copied');},2500);}
            function selectValue(){var value=button.parentNode.querySelector('.value'),range=document.createRange();
            range.selectNodeContents(value);var selection=window.getSelection();selection.removeAllRanges();
            selection.addRange(range);}
            function copyByCommand(){var area=document.createElement('textarea');area.value=button.getAttribute('data-copy');
            area.setAttribute('readonly','');area.className='copy-area';document.body.appendChild(area);area.select();
            var ok=false;try{ok=document.execCommand('copy');}catch(ignored){ok=false;}
            document.body.removeChild(area);if(ok){copied();}else{selectValue();}}
            button.addEventListener('click',function(){
            if(navigator.clipboard&&navigator.clipboard.writeText){
            navigator.clipboard.writeText(button.getAttribute('data-copy')).then(copied,copyByCommand);}
            else{copyByCommand();}
            });
            });
            })();
            (function(){
            'use strict';
            var form=document.getElementById('checkout-form');
            if(!form){return;}
            var M=__MESSAGES__;
            var button=document.getElementById('pay-button');
            var buttonLabel=button.innerHTML;
            var summary=document.getElementById('error-summary');
            var order=['email','card_number','expiry','cvc','cardholder_name'];
            var inputs={};
            order.forEach(function(name){inputs[name]=document.getElementById(name);});
            function digits(v){return v.replace(/\\D/g,'');}
            function amex(d){return /^3[47]/.test(d);}
            function luhn(d){var sum=0,alt=false;for(var i=d.length-1;i>=0;i--){var n=d.charCodeAt(i)-48;
            if(alt){n*=2;if(n>9){n-=9;}}sum+=n;alt=!alt;}return sum%10===0;}
            function group(d){var sizes=amex(d)?[4,6,5]:[4,4,4,4,3],out=[],i=0,k=0;
            while(i<d.length){var n=sizes[Math.min(k,sizes.length-1)];out.push(d.substr(i,n));i+=n;k++;}return out.join(' ');}
            var checks={
            email:function(v){v=v.trim();if(!v){return M.enterEmail;}
            return /^[^\\s@<>()\\[\\],;:"]+@[^\\s@<>()\\[\\],;:"]+\\.[^\\s@<>()\\[\\],;:".]{2,}$/.test(v)&&v.length<=254?'':M.invalidEmail;},
            card_number:function(v){var d=digits(v);if(!v.trim()){return M.enterCard;}
            if(/[^\\d\\s-]/.test(v)){return M.invalidCard;}if(d.length<12){return M.incompleteCard;}
            return d.length>19||!luhn(d)?M.invalidCard:'';},
            expiry:function(v){var c=v.replace(/\\s/g,'');if(!c){return M.enterExpiry;}
            var m=/^(\\d{1,2})\\/(\\d{2}|\\d{4})$/.exec(c)||/^(\\d{2})(\\d{2}|\\d{4})$/.exec(c);if(!m){return M.invalidExpiry;}
            var month=+m[1],year=m[2].length===2?2000+(+m[2]):+m[2],now=new Date(),y=now.getFullYear(),mo=now.getMonth()+1;
            if(month<1||month>12||year>y+20){return M.invalidExpiry;}
            return year<y||(year===y&&month<mo)?M.expired:'';},
            cvc:function(v){v=v.trim();var n=amex(digits(inputs.card_number.value))?4:3;if(!v){return M.enterCvc;}
            return /^\\d+$/.test(v)&&v.length===n?'':(n===4?M.invalidAmexCvc:M.invalidCvc);},
            cardholder_name:function(v){v=v.trim();if(!v){return M.enterName;}return v.length>100?M.nameTooLong:'';}
            };
            function setError(name,message){
            var input=inputs[name],el=document.getElementById(name+'-error');
            el.textContent=message;el.hidden=!message;
            if(message){input.setAttribute('aria-invalid','true');}else{input.removeAttribute('aria-invalid');}
            var ids=(input.getAttribute('aria-describedby')||'').split(' ').filter(function(id){return id&&id!==el.id;});
            if(message){ids.push(el.id);}
            if(ids.length){input.setAttribute('aria-describedby',ids.join(' '));}else{input.removeAttribute('aria-describedby');}
            }
            // Leaving a field for the Pay button must not show an error there first: the text would push the
            // button down under the pointer and the click would miss it. Submitting checks every field anyway.
            var pressing=false;
            button.addEventListener('pointerdown',function(){pressing=true;});
            document.addEventListener('pointerup',function(){setTimeout(function(){pressing=false;},0);});
            order.forEach(function(name){
            var input=inputs[name];
            input.addEventListener('blur',function(e){if(pressing||e.relatedTarget===button){return;}
            if(input.value.trim()||input.getAttribute('aria-invalid')==='true'){setError(name,checks[name](input.value));}});
            input.addEventListener('input',function(){if(input.getAttribute('aria-invalid')==='true'&&!checks[name](input.value)){
            setError(name,'');}});
            });
            inputs.card_number.addEventListener('input',function(){
            var input=inputs.card_number,pos=input.selectionStart||0,before=digits(input.value.slice(0,pos)).length;
            var formatted=group(digits(input.value).slice(0,19));
            if(formatted!==input.value){input.value=formatted;var p=0,seen=0;
            while(p<formatted.length&&seen<before){if(formatted.charAt(p)!==' '){seen++;}p++;}
            input.setSelectionRange(p,p);}
            });
            inputs.expiry.addEventListener('input',function(e){
            var input=inputs.expiry,full=/^\\s*(\\d{1,2})\\s*\\/\\s*(\\d{4})\\s*$/.exec(input.value);
            var d=full?(full[1].length===1?'0':'')+full[1]+full[2].slice(2):digits(input.value).slice(0,4);
            var deleting=!!(e.inputType&&e.inputType.indexOf('delete')===0);
            if(d.length===1&&+d>1){d='0'+d;}
            var v=d.length>2?d.slice(0,2)+' / '+d.slice(2):(d.length===2&&!deleting?d+' / ':d);
            if(v!==input.value){input.value=v;}
            });
            inputs.cvc.addEventListener('input',function(){var v=digits(inputs.cvc.value).slice(0,4);
            if(v!==inputs.cvc.value){inputs.cvc.value=v;}});
            function showSummary(errors){
            var title=document.createElement('h2');title.textContent=errors.length===1?M.oneProblem:M.problems;
            var list=document.createElement('ul');
            errors.forEach(function(e){var li=document.createElement('li'),a=document.createElement('a');
            a.href='#'+e[0];a.setAttribute('data-field',e[0]);a.textContent=e[1];li.appendChild(a);list.appendChild(li);});
            summary.textContent='';summary.appendChild(title);summary.appendChild(list);summary.hidden=false;summary.focus();
            }
            summary.addEventListener('click',function(e){var field=e.target.getAttribute&&e.target.getAttribute('data-field')
            ||(e.target.hash||'').slice(1);if(inputs[field]){e.preventDefault();inputs[field].focus();}});
            var submitting=false;
            form.addEventListener('submit',function(e){
            if(submitting){e.preventDefault();return;}
            var errors=[];
            order.forEach(function(name){var message=checks[name](inputs[name].value);setError(name,message);
            if(message){errors.push([name,message]);}});
            if(errors.length){e.preventDefault();showSummary(errors);return;}
            submitting=true;button.disabled=true;button.setAttribute('aria-busy','true');
            button.innerHTML='<span class="spinner" aria-hidden="true"></span><span></span>';
            button.lastChild.textContent=M.processing;
            });
            window.addEventListener('pageshow',function(e){if(e.persisted){submitting=false;button.disabled=false;
            button.removeAttribute('aria-busy');button.innerHTML=buttonLabel;}});
            if(!summary.hidden){summary.focus();}
            })();
            """;

    /** The script in each language: only its messages differ. */
    private static final Map<PageLanguage, String> SCRIPTS = scripts();

    private static Map<PageLanguage, String> scripts() {
        Map<PageLanguage, String> scripts = new EnumMap<>(PageLanguage.class);
        for (PageLanguage language : PageLanguage.values()) {
            scripts.put(language, SCRIPT_TEMPLATE.replace("__MESSAGES__", messages(language)));
        }
        return scripts;
    }
}
