package com.circoflows.api.pages;

/**
 * The script behind the real wallet buttons (live sessions), run under the page's nonce. Each button stays
 * hidden unless the device can pay with its wallet: Google Pay's once its pay.js (loaded from
 * https://pay.google.com, which the page's CSP then allows) answers isReadyToPay, Apple Pay's when Safari has
 * an ApplePaySession that canMakePayments. The token the wallet hands back is posted, with the page's CSRF
 * token, by a plain hidden form to the page's own POST route, which pays it like any other.
 *
 * <p>Apple Pay asks for merchant validation before its sheet opens: our server must call Apple with the
 * merchant identity certificate and hand back the session Apple answers. That server call is not written
 * yet; the script posts Apple's validation URL to {@code data-apple-validation} and the button is only
 * rendered where a setting says that route is served ({@link LiveWallets#applePay}).
 */
final class WalletScript {
    private WalletScript() {
    }

    /** The Google Pay gateway id Google knows us by: a token's recipient is "gateway:" + this. */
    static final String GOOGLE_PAY_GATEWAY = "circoflows";

    static final String SOURCE = """
            (function(){
            'use strict';
            var box=document.getElementById('wallet-buttons');
            if(!box){return;}
            var form=document.getElementById('wallet-form');
            var d=box.dataset;
            var nonce=document.currentScript?document.currentScript.nonce:'';
            var networks=['AMEX','DISCOVER','MASTERCARD','VISA'];
            function pay(wallet,token){form.elements.wallet.value=wallet;form.elements.payment_token.value=token;
            form.submit();}
            function offer(button){button.hidden=false;box.hidden=false;}
            function card(){return {type:'CARD',parameters:{allowedAuthMethods:['PAN_ONLY','CRYPTOGRAM_3DS'],
            allowedCardNetworks:networks}};}
            var googleButton=document.getElementById('google-pay-button');
            if(googleButton){
            var script=document.createElement('script');
            script.src='https://pay.google.com/gp/p/js/pay.js';
            script.async=true;
            if(nonce){script.nonce=nonce;}
            script.addEventListener('load',function(){
            if(!window.google||!window.google.payments){return;}
            var client=new window.google.payments.api.PaymentsClient({environment:d.googleEnvironment});
            client.isReadyToPay({apiVersion:2,apiVersionMinor:0,allowedPaymentMethods:[card()]}).then(function(answer){
            if(!answer.result){return;}
            googleButton.addEventListener('click',function(){
            var method=card();
            method.tokenizationSpecification={type:'PAYMENT_GATEWAY',parameters:{gateway:d.googleGateway,
            gatewayMerchantId:d.googleGatewayMerchantId}};
            client.loadPaymentData({apiVersion:2,apiVersionMinor:0,allowedPaymentMethods:[method],
            merchantInfo:{merchantId:d.googleMerchantId,merchantName:d.merchantName},
            transactionInfo:{totalPriceStatus:'FINAL',totalPrice:d.amount,currencyCode:d.currency,countryCode:d.country}})
            .then(function(data){pay('google_pay',data.paymentMethodData.tokenizationData.token);},function(){});
            });
            offer(googleButton);
            },function(){});
            });
            document.head.appendChild(script);
            }
            var appleButton=document.getElementById('apple-pay-button');
            if(appleButton&&window.ApplePaySession&&window.ApplePaySession.canMakePayments()){
            appleButton.addEventListener('click',function(){
            var sheet=new window.ApplePaySession(3,{countryCode:d.country,currencyCode:d.currency,
            supportedNetworks:['amex','discover','masterCard','visa'],merchantCapabilities:['supports3DS'],
            total:{label:d.merchantName,amount:d.amount}});
            sheet.onvalidatemerchant=function(e){
            fetch(d.appleValidation,{method:'POST',credentials:'same-origin',
            headers:{'Content-Type':'application/x-www-form-urlencoded'},
            body:'csrf_token='+encodeURIComponent(form.elements.csrf_token.value)+'&validation_url='
            +encodeURIComponent(e.validationURL)})
            .then(function(r){if(!r.ok){throw new Error('merchant validation failed');}return r.json();})
            .then(function(merchantSession){sheet.completeMerchantValidation(merchantSession);},
            function(){sheet.abort();});
            };
            sheet.onpaymentauthorized=function(e){
            // The sheet closes as the page posts the token; the page then shows how the payment went.
            sheet.completePayment(window.ApplePaySession.STATUS_SUCCESS);
            pay('apple_pay',JSON.stringify(e.payment.token.paymentData));
            };
            sheet.begin();
            });
            offer(appleButton);
            }
            })();
            """;
}
